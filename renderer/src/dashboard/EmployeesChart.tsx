import type { AccountQuery, RiskSummary } from '../risk/risk-types';
import { SERIES_COLORS } from '../risk/colors';
import { ChartCard } from './ChartCard';
import type { ChartItem } from './chart-item';
import { CountBarChart } from './CountBarChart';

interface Props {
  summary: RiskSummary;
  open: (query: AccountQuery) => void;
  openReconciliation: () => void;
}

const ratio = (value: number | null) =>
  value === null
    ? 'no human account to compare with'
    : `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} NHI per human account`;

/** Enabled accounts, human and not, against the people HR says are still employed. */
export function EmployeesChart({ summary, open, openReconciliation }: Props) {
  const { imbalance } = summary;
  const items: ChartItem[] = [
    {
      key: 'nhi',
      label: 'Enabled NHIs',
      count: imbalance.enabledNhi,
      fill: SERIES_COLORS.nhi,
      onSelect: () => open({ enabled: true, isNhi: true }),
    },
    {
      key: 'human',
      label: 'Enabled human accounts',
      count: imbalance.enabledHuman,
      fill: SERIES_COLORS.human,
      onSelect: () => open({ enabled: true, isNhi: false }),
    },
  ];
  if (imbalance.activeEmployees !== null) {
    items.push({
      key: 'employees',
      label: 'Active employees',
      count: imbalance.activeEmployees,
      fill: SERIES_COLORS.employees,
      onSelect: openReconciliation,
    });
  }
  const over = imbalance.accountsOverEmployees;
  const description =
    over === null
      ? `${ratio(imbalance.nhiPerHuman)}. Import an HR list on the Reconciliation page to compare with active employees.`
      : `${imbalance.enabledAccounts.toLocaleString()} enabled accounts, ${over >= 0 ? `${over.toLocaleString()} more` : `${(-over).toLocaleString()} fewer`} than active employees; ${ratio(imbalance.nhiPerHuman)}.`;
  return (
    <ChartCard
      title="Accounts and employees"
      description={description}
      items={items}
      summary={`${items.map((item) => `${item.label} ${item.count.toLocaleString()}`).join(', ')}; ${ratio(imbalance.nhiPerHuman)}`}
      chart={<CountBarChart items={items} unit="Count" />}
    />
  );
}
