import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { TIER_COLORS } from '../risk/colors';
import { TIER_LABELS, valuesOf } from '../risk/labels';
import type { RiskTrendPoint } from '../risk/risk-types';
import { ChartCard } from './ChartCard';
import { axisLine, axisTick, CHART_HEIGHT, gridStroke, tooltipItemStyle, tooltipStyle } from './chart-theme';
import { TrendTable } from './TrendTable';

const TIERS = valuesOf(TIER_LABELS);
export const describeDate = (iso: string) => new Date(iso).toLocaleDateString();

/** Accounts per risk tier in each assessed snapshot of this source, oldest first. */
export function RiskTrendChart({ trend }: { trend: readonly RiskTrendPoint[] }) {
  const data = trend.map((point) => ({ label: describeDate(point.snapshotStartedAt), ...point.byTier }));
  const last = trend.at(-1);
  const latest =
    last === undefined
      ? ''
      : TIERS.map((tier) => `${TIER_LABELS[tier]} ${last.byTier[tier].toLocaleString()}`).join(', ');
  return (
    <ChartCard
      title="Risk over time"
      description={
        trend.length < 2
          ? 'One snapshot so far: each new scan adds a point.'
          : `Accounts per tier across ${trend.length} snapshots; older ones keep the policy they were assessed with.`
      }
      items={[]}
      summary={`${trend.length} snapshot(s); the latest: ${latest}. The table that follows lists each snapshot.`}
      chart={
        <LineChart
          responsive
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          style={{ width: '100%', height: CHART_HEIGHT }}
        >
          <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} axisLine={axisLine} tickLine={axisLine} />
          <YAxis allowDecimals={false} width={40} tick={axisTick} axisLine={axisLine} tickLine={axisLine} />
          <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItemStyle} />
          <Legend itemSorter={null} />
          {TIERS.map((tier) => (
            <Line
              key={tier}
              type="monotone"
              dataKey={tier}
              name={TIER_LABELS[tier]}
              stroke={TIER_COLORS[tier]}
              strokeWidth={2}
              dot={{ r: 3, fill: TIER_COLORS[tier] }}
            />
          ))}
        </LineChart>
      }
      alternative={<TrendTable trend={trend} />}
    />
  );
}
