import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { describeDate } from '../dashboard/RiskTrendChart';
import { USAGE_LABELS } from '../risk/labels';
import type { AccountDetail } from '../risk/risk-types';

type UsagePoint = AccountDetail['usageHistory'][number];

const lastLogon = (point: UsagePoint) =>
  point.lastLogonTimestamp === null
    ? 'Never'
    : `${describeDate(point.lastLogonTimestamp)}${point.lastLogonDaysAgo === null ? '' : ` (${point.lastLogonDaysAgo} days before)`}`;

interface Props {
  samAccountName: string;
  history: UsagePoint[];
}

/** The account as each snapshot of its source saw it, oldest first: whether a dormant account woke up, and when. */
export function UsageHistoryTable({ samAccountName, history }: Props) {
  return (
    <Table size="small" aria-label={`Usage of ${samAccountName} across snapshots`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Snapshot</TableHeaderCell>
          <TableHeaderCell>Usage</TableHeaderCell>
          <TableHeaderCell>Enabled</TableHeaderCell>
          <TableHeaderCell>Last logon</TableHeaderCell>
          <TableHeaderCell>Password set</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {history.map((point) => (
          <TableRow key={point.snapshotId}>
            <TableCell>{new Date(point.asOf).toLocaleString()}</TableCell>
            <TableCell>{USAGE_LABELS[point.usage]}</TableCell>
            <TableCell>{point.enabled ? 'Yes' : 'No'}</TableCell>
            <TableCell>{lastLogon(point)}</TableCell>
            <TableCell>{point.pwdLastSet === null ? 'Never' : describeDate(point.pwdLastSet)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
