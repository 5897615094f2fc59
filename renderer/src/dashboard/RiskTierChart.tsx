import { TIER_COLORS } from '../risk/colors';
import { TIER_LABELS, valuesOf } from '../risk/labels';
import type { AccountQuery, RiskSummary } from '../risk/risk-types';
import { ChartCard } from './ChartCard';
import { CountPieChart } from './CountPieChart';

interface Props {
  summary: RiskSummary;
  open: (query: AccountQuery) => void;
}

export function RiskTierChart({ summary, open }: Props) {
  const items = valuesOf(TIER_LABELS).map((tier) => ({
    key: tier,
    label: TIER_LABELS[tier],
    count: summary.byTier[tier],
    fill: TIER_COLORS[tier],
    onSelect: () => open({ risk: [tier] }),
  }));
  return (
    <ChartCard
      title="Risk tiers"
      description={`All ${summary.accounts.toLocaleString()} accounts; ${summary.nhiByTier.high.toLocaleString()} of the high-risk ones are non-human.`}
      items={items}
      chart={<CountPieChart items={items} />}
    />
  );
}
