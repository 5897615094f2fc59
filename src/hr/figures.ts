import type { HrPerson } from './match-input';
import {
  ACCOUNT_OUTCOMES,
  isLeaver,
  isoDay,
  type AccountOutcome,
  type AccountResult,
  type EmployeeResult,
} from './outcomes';

/**
 * The figures a reconciliation is summed up by. The first clue of a domain
 * full of non-human identities is more enabled accounts than people to use
 * them; these make the comparison exact.
 */
export interface HeadlineFigures {
  /** Accounts without the ACCOUNTDISABLE bit. */
  enabledAccounts: number;
  /** People on the HR list who have not left (see isLeaver). */
  activeEmployees: number;
  /** enabledAccounts − activeEmployees. */
  imbalance: number;
  /** Enabled accounts with a person behind them: matched, leaver, or marked human. */
  humanAccounts: number;
  /** Enabled accounts with no one behind them (outcome none). */
  nhiAccounts: number;
  /** Enabled accounts waiting for a person's decision (probable, ambiguous). */
  undecidedAccounts: number;
  /** nhiAccounts / humanAccounts, to three decimals; null without any human account. */
  nhiPerHuman: number | null;
  /** Every account of the snapshot, enabled or not, by outcome. */
  outcomes: Record<AccountOutcome, number>;
  /** People on the HR list no account points at. */
  employeesWithoutAccount: number;
}

export function headlineFigures(
  accounts: readonly AccountResult[],
  employees: readonly EmployeeResult[],
  people: readonly HrPerson[],
  now: Date,
): HeadlineFigures {
  const today = isoDay(now);
  const outcomes = Object.fromEntries(ACCOUNT_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    AccountOutcome,
    number
  >;
  let enabledAccounts = 0;
  let humanAccounts = 0;
  let nhiAccounts = 0;
  let undecidedAccounts = 0;
  for (const account of accounts) {
    outcomes[account.outcome] += 1;
    if (!account.enabled) continue;
    enabledAccounts += 1;
    if (account.outcome === 'none') nhiAccounts += 1;
    else if (account.decided === 'human' || account.outcome === 'matched' || account.outcome === 'leaver') {
      humanAccounts += 1;
    } else undecidedAccounts += 1;
  }
  const activeEmployees = people.filter((person) => !isLeaver(person, today)).length;
  return {
    enabledAccounts,
    activeEmployees,
    imbalance: enabledAccounts - activeEmployees,
    humanAccounts,
    nhiAccounts,
    undecidedAccounts,
    nhiPerHuman: humanAccounts === 0 ? null : Math.round((nhiAccounts / humanAccounts) * 1000) / 1000,
    outcomes,
    employeesWithoutAccount: employees.length,
  };
}
