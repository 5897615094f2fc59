import { dnKey } from '../inventory/group-graph';
import { findNameMatches } from './fuzzy-match';
import { NO_DECISIONS, type DecisionIndex, type MatchDecision } from './match-decisions';
import type { AccountForMatching, HrPerson } from './match-input';
import { emailKeys, employeeIdKeys, normalizeKey, usernameKeys, type AccountKey } from './match-keys';
import { parseName } from './name-similarity';
import {
  isEnabled,
  isLeaver,
  isoDay,
  personName,
  personOutcome,
  type AccountResult,
  type EmployeeResult,
  type MatchCandidate,
  type MatchRule,
} from './outcomes';
import { describePerson, indexPeople, type PeopleByKey, type PersonIndex } from './person-index';
import { adminAccountBase, isAdminAccountName } from './secondary-accounts';

export interface MatchOptions {
  now: Date;
  /** Jaro-Winkler similarity (0–1) from which two names may be the same person's. */
  fuzzyNameThreshold: number;
  decisions?: DecisionIndex;
}

export interface MatchResult {
  /** In the order of the accounts given. */
  accounts: AccountResult[];
  /** Employees no account points at, not even as a candidate, in HR row order. */
  employees: EmployeeResult[];
}

/** The exact rules, in the order they are tried: the first that finds anyone decides. */
const EXACT_RULES: readonly {
  rule: MatchRule;
  keys: (account: AccountForMatching) => AccountKey[];
  index: (people: PersonIndex) => PeopleByKey;
  what: string;
}[] = [
  { rule: 'employee-id', keys: employeeIdKeys, index: (p) => p.byEmployeeId, what: 'the employee ID' },
  { rule: 'email', keys: emailKeys, index: (p) => p.byEmail, what: 'the e-mail address' },
  { rule: 'username', keys: usernameKeys, index: (p) => p.byUsername, what: 'the user name' },
];

interface Entry {
  account: AccountForMatching;
  result: AccountResult;
  /** The person behind the account once a rule or a decision has found one. */
  person: HrPerson | null;
}

function candidateOf(
  person: HrPerson,
  extra: Omit<MatchCandidate, 'employeeId' | 'rowNumber' | 'name'> = {},
): MatchCandidate {
  return { employeeId: person.employeeId, rowNumber: person.rowNumber, name: personName(person), ...extra };
}

function whoDecided(decision: MatchDecision): string {
  return `${decision.actor} on ${decision.decidedAt.slice(0, 10)} ("${decision.reason}")`;
}

/** Why a person's account got its outcome, after the sentence saying how it was matched. */
function outcomeClause(person: HrPerson, enabled: boolean, today: string): string {
  if (!enabled) return 'the account is disabled';
  if (!isLeaver(person, today)) return 'an active employee';
  const why =
    person.status === 'terminated' || person.status === 'inactive'
      ? `HR status "${person.rawStatus ?? person.status}"`
      : `end date ${person.endDate ?? ''} has passed`;
  return `the person has left (${why}) but the account is still enabled`;
}

/**
 * Reconciles directory accounts with the HR list. Exact rules first
 * (employee ID, then e-mail, then user name), then a person's second accounts
 * (admin accounts named after, or managed by, their everyday account), then
 * names, which can only ever make a match probable. Decisions override rules:
 * a confirmed match stands, a rejected pair never matches, an account marked
 * as a non-human identity matches no one.
 */
export function matchAccounts(
  accounts: readonly AccountForMatching[],
  people: readonly HrPerson[],
  options: MatchOptions,
): MatchResult {
  const decisions = options.decisions ?? NO_DECISIONS;
  const today = isoDay(options.now);
  const index = indexPeople(people);
  const isRejected = (guid: string, person: HrPerson): boolean => {
    const rejected = decisions.rejected.get(guid);
    const key = normalizeKey(person.employeeId);
    return rejected !== undefined && key !== undefined && rejected.has(key);
  };

  const entries: Entry[] = accounts.map((account) => {
    const enabled = isEnabled(account.userAccountControl);
    return {
      account,
      person: null,
      result: {
        objectGuid: account.objectGuid,
        samAccountName: account.samAccountName,
        displayName: account.displayName,
        enabled,
        outcome: 'none',
        rule: null,
        person: null,
        candidates: [],
        secondaryOf: null,
        decided: null,
        reason: 'no employee ID, e-mail address, user name or name matches anyone on the HR list',
      },
    };
  });

  const assign = (entry: Entry, person: HrPerson, rule: MatchRule, candidate: MatchCandidate, how: string): void => {
    entry.person = person;
    entry.result.outcome = personOutcome(person, entry.result.enabled, today);
    entry.result.rule = rule;
    entry.result.person = candidate;
    entry.result.reason = `${how}: ${outcomeClause(person, entry.result.enabled, today)}`;
  };

  const pending: Entry[] = [];
  for (const entry of entries) {
    const guid = entry.account.objectGuid.toLowerCase();
    const identity = decisions.identity.get(guid);
    if (identity?.kind === 'nhi') {
      entry.result.rule = 'decision';
      entry.result.decided = 'nhi';
      entry.result.reason = `marked as a non-human identity by ${whoDecided(identity)}`;
      continue;
    }
    if (identity?.kind === 'human') entry.result.decided = 'human';
    const confirmed = decisions.confirmed.get(guid);
    const confirmedKey = normalizeKey(confirmed?.employeeId);
    const confirmedPeople = confirmedKey === undefined ? undefined : index.byEmployeeId.get(confirmedKey);
    const confirmedPerson = confirmedPeople?.length === 1 ? confirmedPeople[0] : undefined;
    if (confirmed !== undefined && confirmedPerson !== undefined) {
      entry.result.decided = 'confirmed';
      const how = `confirmed as ${describePerson(confirmedPerson)} by ${whoDecided(confirmed)}`;
      assign(entry, confirmedPerson, 'decision', candidateOf(confirmedPerson), how);
      continue;
    }
    if (!matchExactly(entry, guid)) pending.push(entry);
  }

  /** Tries the exact rules in order; true once one found anyone (one person, or several). */
  function matchExactly(entry: Entry, guid: string): boolean {
    for (const { rule, keys, index: byKey, what } of EXACT_RULES) {
      const people: HrPerson[] = [];
      const found: MatchCandidate[] = [];
      for (const key of keys(entry.account)) {
        for (const person of byKey(index).get(key.key)) {
          if (!people.includes(person) && !isRejected(guid, person)) {
            people.push(person);
            found.push(candidateOf(person, { attribute: key.attribute, value: key.value }));
          }
        }
      }
      const [person] = people;
      const [candidate] = found;
      if (person === undefined || candidate === undefined) continue;
      if (people.length === 1) {
        const how = `${candidate.attribute} "${candidate.value}" is ${what} of ${describePerson(person)}`;
        assign(entry, person, rule, candidate, how);
      } else {
        entry.result.outcome = 'ambiguous';
        entry.result.rule = rule;
        entry.result.candidates = found;
        entry.result.reason = `${what} matches ${people.length} people: ${people.map(describePerson).join(', ')}`;
      }
      return true;
    }
    return false;
  }

  const unlinked = linkSecondaryAccounts(entries, pending, isRejected, assign);
  matchNames(unlinked, people, options.fuzzyNameThreshold, isRejected);
  for (const entry of unlinked) {
    if (entry.result.outcome === 'none' && entry.result.decided === 'human') {
      entry.result.outcome = 'human';
      entry.result.rule = 'decision';
      const identity = decisions.identity.get(entry.account.objectGuid.toLowerCase());
      entry.result.reason = `marked as a person's account by ${identity === undefined ? 'a decision' : whoDecided(identity)}; no one on the HR list matches it`;
    }
  }

  for (const { account, result } of entries) {
    const confirmed = decisions.confirmed.get(account.objectGuid.toLowerCase());
    if (confirmed !== undefined && result.decided !== 'confirmed' && result.decided !== 'nhi') {
      result.reason += `; the confirmation as employee ${confirmed.employeeId ?? ''} does not apply: the current HR list has no such single employee`;
    }
  }
  return { accounts: entries.map((entry) => entry.result), employees: employeesWithoutAccount(entries, people) };
}

type Assign = (entry: Entry, person: HrPerson, rule: MatchRule, candidate: MatchCandidate, how: string) => void;

/**
 * A person's second accounts. An unmatched account named like an admin
 * account of a matched one (`adm-jsmith` for `jsmith`), or whose manager is a
 * matched account with the same name, is that person's. Where a person has
 * several matched accounts, the everyday one (not named like an admin
 * account) is the primary and the others point at it.
 */
function linkSecondaryAccounts(
  entries: readonly Entry[],
  pending: readonly Entry[],
  isRejected: (guid: string, person: HrPerson) => boolean,
  assign: Assign,
): Entry[] {
  const primaryOf = new Map<HrPerson, Entry>();
  for (const entry of entries) {
    if (entry.person === null) continue;
    const current = primaryOf.get(entry.person);
    if (
      current === undefined ||
      (isAdminAccountName(current.account.samAccountName) && !isAdminAccountName(entry.account.samAccountName))
    ) {
      primaryOf.set(entry.person, entry);
    }
  }
  const bySam = new Map<string, Entry>();
  const byDn = new Map<string, Entry>();
  for (const primary of primaryOf.values()) {
    bySam.set(primary.account.samAccountName.toLowerCase(), primary);
    byDn.set(dnKey(primary.account.dn), primary);
  }

  const unlinked: Entry[] = [];
  for (const entry of pending) {
    const guid = entry.account.objectGuid.toLowerCase();
    const base = adminAccountBase(entry.account.samAccountName);
    const named = base === undefined ? undefined : bySam.get(base);
    const managed = entry.account.managerDn === null ? undefined : byDn.get(dnKey(entry.account.managerDn));
    let link: { primary: Entry; rule: MatchRule; how: string } | undefined;
    if (named?.person && !isRejected(guid, named.person)) {
      link = {
        primary: named,
        rule: 'secondary-naming',
        how: `named as an admin account of ${named.account.samAccountName}, the account of ${describePerson(named.person)}`,
      };
    } else if (managed?.person && !isRejected(guid, managed.person) && sameName(entry.account, managed)) {
      link = {
        primary: managed,
        rule: 'secondary-manager',
        how: `managed by ${managed.account.samAccountName}, the account of ${describePerson(managed.person)}, and bears the same name`,
      };
    }
    const person = link?.primary.person;
    if (link === undefined || person === null || person === undefined) {
      unlinked.push(entry);
      continue;
    }
    assign(entry, person, link.rule, candidateOf(person), link.how);
    entry.result.secondaryOf = link.primary.account.objectGuid;
  }

  for (const entry of entries) {
    const primary = entry.person === null ? undefined : primaryOf.get(entry.person);
    if (primary !== undefined && primary !== entry && entry.result.secondaryOf === null) {
      entry.result.secondaryOf = primary.account.objectGuid;
      entry.result.reason += `; a second account of the person, besides ${primary.account.samAccountName}`;
    }
  }
  return unlinked;
}

/** Whether the account bears the name of the primary account or of the person behind it. */
function sameName(account: AccountForMatching, primary: Entry): boolean {
  const name = parseName(account.givenName, account.sn, account.displayName)?.forward;
  if (name === undefined) return false;
  const { givenName, sn, displayName } = primary.account;
  const person = primary.person;
  return (
    name === parseName(givenName, sn, displayName)?.forward ||
    (person !== null && name === parseName(person.firstName, person.lastName, person.displayName)?.forward)
  );
}

/** The last rule: names alone make a match `probable` at best, for a person to confirm or reject. */
function matchNames(
  pending: readonly Entry[],
  people: readonly HrPerson[],
  threshold: number,
  isRejected: (guid: string, person: HrPerson) => boolean,
): void {
  const names = pending.map((entry) => parseName(entry.account.givenName, entry.account.sn, entry.account.displayName));
  const matches = findNameMatches(names, people, threshold, (account, person) =>
    isRejected((pending[account] as Entry).account.objectGuid.toLowerCase(), person),
  );
  pending.forEach((entry, account) => {
    const found = matches[account];
    const name = names[account];
    if (found === undefined || found.length === 0 || name === undefined) return;
    const candidates = found.map((match) => candidateOf(match.person, { score: round(match.score) }));
    entry.result.rule = 'fuzzy-name';
    entry.result.candidates = candidates;
    if (found.length === 1) {
      const [match] = found as [(typeof found)[number]];
      entry.result.outcome = 'probable';
      entry.result.person = candidates[0] ?? null;
      entry.result.reason = `the name "${name.forward}" resembles that of ${describePerson(match.person)} (similarity ${round(match.score)}); only a person can confirm it`;
    } else {
      entry.result.outcome = 'ambiguous';
      entry.result.reason = `the name "${name.forward}" resembles those of ${found.length} people: ${found.map((m) => describePerson(m.person)).join(', ')}`;
    }
  });
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function employeesWithoutAccount(entries: readonly Entry[], people: readonly HrPerson[]): EmployeeResult[] {
  const seen = new Set<number>();
  for (const { result } of entries) {
    if (result.person !== null) seen.add(result.person.rowNumber);
    for (const candidate of result.candidates) seen.add(candidate.rowNumber);
  }
  return people
    .filter((person) => !seen.has(person.rowNumber))
    .map((person) => ({
      employeeId: person.employeeId,
      rowNumber: person.rowNumber,
      name: personName(person),
      status: person.status,
      outcome: 'no-account' as const,
    }));
}
