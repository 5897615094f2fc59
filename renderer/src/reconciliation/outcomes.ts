import type { OperationInput, OperationOutput } from '../api/contract-types';

export type Reconciliation = OperationOutput<'getReconciliation'>;
export type AccountResult = Reconciliation['accounts']['items'][number];
export type AccountOutcome = NonNullable<OperationInput<'getReconciliation'>['outcome']>;
export type HeadlineFigures = Reconciliation['figures'];
export type MatchDecisionKind = Exclude<OperationInput<'recordMatchDecision'>['decision'], 'withdraw'>;

/** A bucket of the screen: an outcome of the accounts, or the employees without any account. */
export type Bucket = AccountOutcome | 'no-account';

export const BUCKETS: { bucket: Bucket; label: string; description: string }[] = [
  { bucket: 'matched', label: 'Matched', description: 'The account of a current employee.' },
  {
    bucket: 'leaver',
    label: 'Leavers',
    description: 'HR says the person has gone, and the account is still enabled.',
  },
  { bucket: 'matched-disabled', label: 'Matched, disabled', description: 'A person’s account that is disabled.' },
  {
    bucket: 'probable',
    label: 'Probable',
    description: 'Only the name resembles an employee’s: confirm or reject the match.',
  },
  { bucket: 'ambiguous', label: 'Ambiguous', description: 'A rule found several people: confirm the right one.' },
  {
    bucket: 'human',
    label: 'Marked human',
    description: 'Marked human by a decision, though no one on the HR list is behind it.',
  },
  { bucket: 'none', label: 'No person', description: 'No person behind the account: a non-human identity candidate.' },
  {
    bucket: 'no-account',
    label: 'Employees without an account',
    description: 'People on the HR list no account points at, not even as a candidate.',
  },
];

/** The outcomes a person still has to decide. */
export const UNDECIDED: readonly AccountOutcome[] = ['probable', 'ambiguous', 'none'];

export function bucketCount(figures: HeadlineFigures, bucket: Bucket): number {
  return bucket === 'no-account' ? figures.employeesWithoutAccount : (figures.outcomes[bucket] ?? 0);
}

export const RULE_LABELS: Record<NonNullable<AccountResult['rule']>, string> = {
  decision: 'Decision',
  'employee-id': 'Employee ID',
  email: 'E-mail',
  username: 'User name',
  'secondary-naming': 'Second account (name)',
  'secondary-manager': 'Second account (manager)',
  'fuzzy-name': 'Similar name',
};
