import { SERIES_COLORS } from '../risk/colors';
import { TYPE_LABELS, valuesOf } from '../risk/labels';
import type { AccountQuery, AccountType, RiskSummary } from '../risk/risk-types';
import { ChartCard } from './ChartCard';
import { CountBarChart } from './CountBarChart';

const HUMAN_TYPES: ReadonlySet<AccountType> = new Set(['human', 'human-secondary']);

interface Props {
  summary: RiskSummary;
  open: (query: AccountQuery) => void;
}

export function AccountTypeChart({ summary, open }: Props) {
  // Types no account has would only be empty rows.
  const items = valuesOf(TYPE_LABELS)
    .filter((type) => summary.byType[type] > 0)
    .map((type) => ({
      key: type,
      label: TYPE_LABELS[type],
      count: summary.byType[type],
      fill: HUMAN_TYPES.has(type) ? SERIES_COLORS.human : SERIES_COLORS.nhi,
      onSelect: () => open({ type: [type] }),
    }));
  return (
    <ChartCard
      title="Account types"
      description={`${summary.nhi.toLocaleString()} non-human identities, ${summary.human.toLocaleString()} human accounts.`}
      items={items}
      chart={<CountBarChart items={items} horizontal unit="Accounts" />}
    />
  );
}
