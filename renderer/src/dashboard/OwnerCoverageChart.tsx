import { OWNER_STATUS_COLORS } from '../risk/colors';
import { OWNER_STATUS_LABELS, valuesOf } from '../risk/labels';
import type { AccountQuery, RiskSummary } from '../risk/risk-types';
import { ChartCard } from './ChartCard';
import { CountPieChart } from './CountPieChart';

interface Props {
  summary: RiskSummary;
  open: (query: AccountQuery) => void;
}

/** Non-human identities by the state of their owner: an NHI without an active owner is orphaned. */
export function OwnerCoverageChart({ summary, open }: Props) {
  const items = valuesOf(OWNER_STATUS_LABELS).map((status) => ({
    key: status,
    label: OWNER_STATUS_LABELS[status],
    count: summary.byOwnerStatus[status],
    fill: OWNER_STATUS_COLORS[status],
    onSelect: () => open({ isNhi: true, ownerStatus: [status] }),
  }));
  return (
    <ChartCard
      title="Owner coverage"
      description={`Non-human identities by owner; ${summary.orphaned.toLocaleString()} have no active owner.`}
      items={items}
      chart={<CountPieChart items={items} />}
    />
  );
}
