import { hasUacFlag } from '../directory/uac-flags';
import type { KeyAttribute } from './match-keys';
import type { HrPerson } from './match-input';

/**
 * What reconciliation says of one account:
 * - `matched`: a current employee's account;
 * - `leaver`: HR says the person has gone (terminated or inactive, or the end
 *   date has passed) and the account is still enabled;
 * - `matched-disabled`: a person's account that is disabled;
 * - `probable`: only the name resembles someone's; a person must confirm it;
 * - `ambiguous`: a rule found several people;
 * - `human`: marked as a person's account by a decision, though no one on
 *   the HR list is behind it (an external, a shared desk);
 * - `none`: no person behind it: a non-human identity candidate.
 */
export const ACCOUNT_OUTCOMES = [
  'matched',
  'leaver',
  'matched-disabled',
  'probable',
  'ambiguous',
  'human',
  'none',
] as const;
export type AccountOutcome = (typeof ACCOUNT_OUTCOMES)[number];

/** Which rule decided, in the order they are tried. */
export const MATCH_RULES = [
  'decision',
  'employee-id',
  'email',
  'username',
  'secondary-naming',
  'secondary-manager',
  'fuzzy-name',
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** One person a rule pointed at, and why. */
export interface MatchCandidate {
  employeeId: string | null;
  rowNumber: number;
  /** The person's name as the HR list gives it, for people reading the result. */
  name: string | null;
  /** The account attribute compared, when an exact rule matched. */
  attribute?: KeyAttribute;
  /** The value compared, as the account holds it. */
  value?: string;
  /** Name similarity, for the fuzzy rule. */
  score?: number;
}

export interface AccountResult {
  objectGuid: string;
  samAccountName: string;
  displayName: string | null;
  enabled: boolean;
  outcome: AccountOutcome;
  /** The rule that decided; null when no rule found anyone. */
  rule: MatchRule | null;
  /** The person behind the account (for matched, leaver, matched-disabled and probable). */
  person: MatchCandidate | null;
  /** Every person an ambiguous rule found. */
  candidates: MatchCandidate[];
  /** For a person's second (admin) account: the objectGUID of the person's everyday account. */
  secondaryOf: string | null;
  /** A decision that set the outcome or the identity of this account. */
  decided: 'confirmed' | 'human' | 'nhi' | null;
  /** Why, in one sentence an administrator can check. */
  reason: string;
}

export interface EmployeeResult {
  employeeId: string | null;
  rowNumber: number;
  name: string | null;
  status: HrPerson['status'];
  outcome: 'no-account';
}

/** The day `now` falls on (UTC), as ISO dates in the HR list are compared. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whether HR says the person has gone: terminated or inactive, or an end date
 * before today. A leave of absence, an unknown status or no status at all is
 * not leaving.
 */
export function isLeaver(person: HrPerson, today: string): boolean {
  if (person.status === 'terminated' || person.status === 'inactive') return true;
  return person.endDate !== null && person.endDate < today;
}

export function isEnabled(userAccountControl: number | null): boolean {
  return !hasUacFlag(userAccountControl, 'ACCOUNTDISABLE');
}

/** The outcome of an account known to be this person's. */
export function personOutcome(person: HrPerson, enabled: boolean, today: string): AccountOutcome {
  if (!enabled) return 'matched-disabled';
  return isLeaver(person, today) ? 'leaver' : 'matched';
}

/** A person's name from the HR list: the display name, else first and last name. */
export function personName(person: Pick<HrPerson, 'displayName' | 'firstName' | 'lastName'>): string | null {
  const { displayName, firstName, lastName } = person;
  // Called for most of a 200k-row list: no intermediate arrays.
  const name = displayName ?? (firstName && lastName ? `${firstName} ${lastName}` : firstName || lastName || '');
  return name === '' ? null : name;
}
