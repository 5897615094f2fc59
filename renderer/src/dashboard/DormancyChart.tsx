import { SERIES_COLORS } from '../risk/colors';
import type { AccountQuery, RiskSummary } from '../risk/risk-types';
import { ChartCard } from './ChartCard';
import { CountBarChart } from './CountBarChart';

interface Props {
  summary: RiskSummary;
  open: (query: AccountQuery) => void;
}

/** Enabled accounts by days since their last logon, and those that never logged on. */
export function DormancyChart({ summary, open }: Props) {
  const { buckets, never } = summary.dormancy;
  const items = [
    ...buckets.map((bucket) => ({
      key: bucket.label,
      label: bucket.label,
      // "0–30 days" under every bar would overlap: the axis says "days" once.
      tick: bucket.to === null ? `>${bucket.from - 1}` : `${bucket.from}–${bucket.to}`,
      count: bucket.count,
      fill: SERIES_COLORS.bar,
      onSelect: () => open({ enabled: true, lastLogon: { from: bucket.from, to: bucket.to } }),
    })),
    {
      key: 'never',
      label: 'Never',
      count: never,
      fill: SERIES_COLORS.never,
      onSelect: () => open({ enabled: true, lastLogon: 'never' }),
    },
  ];
  return (
    <ChartCard
      title="Last logon"
      description="Enabled accounts by days since their last logon (lastLogonTimestamp, which may lag by a couple of weeks)."
      items={items}
      chart={<CountBarChart items={items} unit="Enabled accounts" axisLabel="days since the last logon" />}
    />
  );
}
