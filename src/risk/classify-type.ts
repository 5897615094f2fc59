import { hasUacFlag } from '../directory/uac-flags';
import { commonNameOf } from '../inventory/privileged-groups';
import type { AssessmentAccount } from '../store';
import type { CompiledPolicy, CompiledTypePattern } from './compiled-policy';
import { ACCOUNT_TYPES, type AccountType } from './vocabulary';

/** One thing that pointed to the type, said so that an administrator can check it. */
export interface Signal {
  id: string;
  text: string;
}

export interface TypeVerdict {
  type: AccountType;
  /** What settled it: a person's hand, the object class, the HR list, a policy pattern, an SPN, or what was left. */
  decidedBy: 'hand' | 'object-class' | 'hr' | 'pattern' | 'spn' | 'weak-signals';
  signals: Signal[];
}

export interface TypeInput {
  account: AssessmentAccount;
  /** A type set by hand in Warden, with who set it. */
  manual?: { value: string; actor: string; reason: string } | undefined;
  /** Whether any HR list has reconciled this snapshot: without one, "no HR match" says nothing. */
  hrReconciled: boolean;
}

const MANAGED_CLASSES: readonly (readonly [string, AccountType])[] = [
  ['msds-groupmanagedserviceaccount', 'gmsa'],
  ['msds-delegatedmanagedserviceaccount', 'dmsa'],
  ['msds-managedserviceaccount', 'smsa'],
];

const PERSON_OUTCOMES = new Set(['matched', 'leaver', 'matched-disabled', 'human']);
const UNSURE_OUTCOMES = new Set(['probable', 'ambiguous']);

function isAccountType(value: string): value is AccountType {
  return (ACCOUNT_TYPES as readonly string[]).includes(value);
}

/** What the patterns are matched against, read once per account. */
interface PatternSubject {
  names: string[];
  text: string;
  ou: string | null;
}

function subjectOf(account: AssessmentAccount): PatternSubject {
  const names = [account.samAccountName, commonNameOf(account.dn), account.displayName].filter(
    (name): name is string => typeof name === 'string' && name.length > 0,
  );
  const text = [account.description, account.info].filter((part) => part !== null).join('\n');
  return { names, text, ou: account.ou };
}

/** Every hit of one type's patterns on the account. */
function patternHits(pattern: CompiledTypePattern, subject: PatternSubject): Signal[] {
  const hits: Signal[] = [];
  const anyName = pattern.anyName;
  if (anyName !== undefined && subject.names.some((name) => anyName.test(name))) {
    for (const { source, regex } of pattern.names) {
      const name = subject.names.find((candidate) => regex.test(candidate));
      if (name !== undefined) hits.push({ id: 'name-pattern', text: `name "${name}" matches ${source}` });
    }
  }
  if (subject.text.length > 0 && pattern.anyDescription?.test(subject.text) === true) {
    for (const { keyword, regex } of pattern.descriptions) {
      if (regex.test(subject.text)) hits.push({ id: 'description-keyword', text: `description mentions "${keyword}"` });
    }
  }
  if (subject.ou !== null) {
    for (const { source, regex } of pattern.ous) {
      if (regex.test(subject.ou)) hits.push({ id: 'ou-pattern', text: `OU ${subject.ou} matches ${source}` });
    }
  }
  return hits;
}

// Signals whose words never vary are shared by every account that shows them: a large domain has many.
const NO_MAIL: Signal = Object.freeze({ id: 'no-mail', text: 'no mail address' });
const PASSWORD_NEVER_EXPIRES: Signal = Object.freeze({
  id: 'password-never-expires',
  text: 'password never expires (DONT_EXPIRE_PASSWORD)',
});
const NO_PERSON_NAME: Signal = Object.freeze({ id: 'no-person-name', text: 'no given name or surname' });
const NO_HR_MATCH: Signal = Object.freeze({ id: 'no-hr-match', text: 'no one on the HR list is behind it' });

/** The signals that say "no person signs in with this", whatever type it turns out to be. */
function nonHumanSignals(account: AssessmentAccount, hrReconciled: boolean): Signal[] {
  const signals: Signal[] = [];
  if (account.spns.length > 0) {
    signals.push({ id: 'spn', text: `has ${account.spns.length} service principal name(s), e.g. ${account.spns[0]}` });
  }
  if (account.mail === null) signals.push(NO_MAIL);
  if (hasUacFlag(account.userAccountControl, 'DONT_EXPIRE_PASSWORD')) signals.push(PASSWORD_NEVER_EXPIRES);
  if (account.givenName === null && account.sn === null) signals.push(NO_PERSON_NAME);
  if (hrReconciled && account.hrOutcome === 'none') signals.push(NO_HR_MATCH);
  return signals;
}

/** Signals no person's everyday account carries. */
const NHI_ONLY: ReadonlySet<string> = new Set(['spn', 'password-never-expires', 'no-person-name']);

/** Weak signals only decide when no HR list can: two of them make an account a non-human candidate. */
const WEAK_SIGNALS_FOR_NHI = 2;

/**
 * The type of one account, with the signals that decided it, tried in order:
 * a type set by hand; the object class of a managed service account; the HR
 * list (a person's account, or a person's second account when its name says
 * admin); the policy's patterns (first matching type wins); an SPN; then what
 * is left: a fuzzy HR match or a person-like account (a given name and a
 * surname, and nothing only services carry) is human, anything else an
 * unknown non-human identity.
 */
export function classifyType(input: TypeInput, compiled: CompiledPolicy): TypeVerdict {
  const { account, manual, hrReconciled } = input;
  if (manual !== undefined && isAccountType(manual.value)) {
    return {
      type: manual.value,
      decidedBy: 'hand',
      signals: [{ id: 'set-by-hand', text: `set by ${manual.actor}: ${manual.reason}` }],
    };
  }
  const classes = account.objectClasses.map((name) => name.toLowerCase());
  for (const [objectClass, type] of MANAGED_CLASSES) {
    if (classes.includes(objectClass)) {
      return { type, decidedBy: 'object-class', signals: [{ id: 'object-class', text: `objectClass ${objectClass}` }] };
    }
  }

  const outcome = account.hrOutcome;
  const subject = subjectOf(account);
  if (outcome !== null && PERSON_OUTCOMES.has(outcome)) {
    const hrSignal: Signal = {
      id: 'hr-match',
      text: outcome === 'human' ? 'marked as a person’s account' : `HR reconciliation: ${outcome}`,
    };
    const secondary = compiled.patterns.find((pattern) => pattern.type === 'human-secondary');
    const hits = secondary === undefined ? [] : patternHits(secondary, subject);
    return hits.length > 0
      ? { type: 'human-secondary', decidedBy: 'hr', signals: [hrSignal, ...hits] }
      : { type: 'human', decidedBy: 'hr', signals: [hrSignal] };
  }

  const weak = nonHumanSignals(account, hrReconciled);
  for (const pattern of compiled.patterns) {
    const hits = patternHits(pattern, subject);
    if (hits.length > 0) return { type: pattern.type, decidedBy: 'pattern', signals: [...hits, ...weak] };
  }
  if (account.spns.length > 0) return { type: 'service', decidedBy: 'spn', signals: weak };
  if (outcome !== null && UNSURE_OUTCOMES.has(outcome)) {
    return {
      type: 'human',
      decidedBy: 'hr',
      signals: [{ id: 'hr-match', text: `HR reconciliation: ${outcome} (to be confirmed)` }],
    };
  }
  const personLike = account.givenName !== null && account.sn !== null && !weak.some((s) => NHI_ONLY.has(s.id));
  if (hrReconciled ? !personLike : weak.length >= WEAK_SIGNALS_FOR_NHI) {
    return { type: 'unknown-nhi', decidedBy: 'weak-signals', signals: weak };
  }
  const text = hrReconciled
    ? 'has a person’s given name and surname, though no one on the HR list matches (an external? a missing HR row?)'
    : 'looks like a person’s account (no HR list to confirm)';
  return { type: 'human', decidedBy: 'weak-signals', signals: [{ id: 'person-like', text }, ...weak] };
}
