import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { AccountDecisionMenu } from './AccountDecisionMenu';
import { RULE_LABELS, UNDECIDED, type AccountResult, type MatchDecisionKind } from './outcomes';

const useStyles = makeStyles({
  account: { fontFamily: tokens.fontFamilyMonospace },
  evidence: { width: '40%' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { width: '110px' },
});

const DECIDED_LABELS: Record<NonNullable<AccountResult['decided']>, string> = {
  confirmed: 'Confirmed',
  human: 'Marked human',
  nhi: 'Marked NHI',
};

function describePerson(account: AccountResult): { name: string; detail: string | undefined } | undefined {
  const { person, candidates } = account;
  if (person !== null) {
    const detail = [person.employeeId ?? 'no employee ID', `HR row ${person.rowNumber}`];
    if (person.score !== undefined) detail.push(`name ${Math.round(person.score * 100)}% alike`);
    return { name: person.name ?? person.employeeId ?? 'no name on the HR list', detail: detail.join(' · ') };
  }
  if (candidates.length === 0) return undefined;
  const ids = candidates.map((candidate) => candidate.name ?? candidate.employeeId ?? `HR row ${candidate.rowNumber}`);
  return { name: `${candidates.length} candidates`, detail: ids.join(', ') };
}

interface Props {
  label: string;
  accounts: AccountResult[];
  onDecide: (account: AccountResult, decision: MatchDecisionKind) => void;
}

/** The accounts of one bucket: who is behind each, by which rule, and the decisions still open. */
export function AccountOutcomesTable({ label, accounts, onDecide }: Props) {
  const styles = useStyles();
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Account (sAMAccountName)</TableHeaderCell>
          <TableHeaderCell>Employee</TableHeaderCell>
          <TableHeaderCell className={styles.evidence}>Rule and evidence</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell className={styles.actions}>
            <span className="visually-hidden">Decisions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => {
          const person = describePerson(account);
          // A decision already taken is withdrawn with "warden reconcile decide withdraw", not re-taken here.
          const open = account.decided === null && UNDECIDED.includes(account.outcome);
          return (
            <TableRow key={account.objectGuid}>
              <TableCell>
                <TableCellLayout
                  className={styles.account}
                  description={account.secondaryOf === null ? undefined : `second account of ${account.secondaryOf}`}
                >
                  {account.samAccountName}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                {person === undefined ? (
                  <span className={styles.muted}>—</span>
                ) : (
                  <TableCellLayout description={person.detail}>{person.name}</TableCellLayout>
                )}
              </TableCell>
              <TableCell className={styles.evidence}>
                <TableCellLayout description={account.reason}>
                  {account.rule === null ? 'No rule matched' : RULE_LABELS[account.rule]}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                <TableCellLayout description={account.decided === null ? undefined : DECIDED_LABELS[account.decided]}>
                  <Badge appearance="tint" color={account.enabled ? 'success' : 'subtle'}>
                    {account.enabled ? 'Enabled' : 'Disabled'}
                  </Badge>
                </TableCellLayout>
              </TableCell>
              <TableCell className={styles.actions}>
                {open && <AccountDecisionMenu account={account} onDecide={(decision) => onDecide(account, decision)} />}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
