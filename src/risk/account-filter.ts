import type { AccountAssessment } from './assess-accounts';
import { RiskError } from './risk-errors';
import { ACCOUNT_TYPES, HR_VALUES, OWNER_STATUSES, RISK_TIERS, USAGES } from './vocabulary';

/**
 * Filters over assessed accounts, as `warden accounts --filter` takes them:
 * clauses joined by `and` (or `&&`), each `field OP value`, where OP is
 * = != ~ (contains) !~ and, for numbers, > >= < <=. A value may list
 * alternatives with `|` and may be quoted: type=service|gmsa and owner~"Jane Doe".
 */
type Field = {
  read: (account: AccountAssessment) => string | number | boolean | readonly string[] | null;
  kind: 'text' | 'number' | 'boolean';
  values?: readonly string[];
};

const FIELDS: Record<string, Field> = {
  samaccountname: { read: (a) => a.samAccountName, kind: 'text' },
  name: { read: (a) => [a.samAccountName, a.displayName ?? ''], kind: 'text' },
  displayname: { read: (a) => a.displayName, kind: 'text' },
  dn: { read: (a) => a.dn, kind: 'text' },
  ou: { read: (a) => a.ou, kind: 'text' },
  isnhi: { read: (a) => a.isNhi, kind: 'boolean' },
  enabled: { read: (a) => a.enabled, kind: 'boolean' },
  orphaned: { read: (a) => a.orphaned, kind: 'boolean' },
  privileged: { read: (a) => a.privilegedPaths.length > 0, kind: 'boolean' },
  type: { read: (a) => a.type, kind: 'text', values: ACCOUNT_TYPES },
  owner: { read: (a) => a.owner, kind: 'text' },
  ownerstatus: { read: (a) => a.ownerStatus, kind: 'text', values: OWNER_STATUSES },
  usage: { read: (a) => a.usage, kind: 'text', values: USAGES },
  hr: { read: (a) => a.hr, kind: 'text', values: HR_VALUES },
  risk: { read: (a) => a.risk, kind: 'text', values: RISK_TIERS },
  score: { read: (a) => a.score, kind: 'number' },
  groups: { read: (a) => a.groupCount, kind: 'number' },
  reason: { read: (a) => a.reasons.map((r) => r.id), kind: 'text' },
  tag: { read: (a) => a.tags, kind: 'text' },
  group: { read: (a) => a.privilegedPaths.map((p) => p.group), kind: 'text' },
};

const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'] as const;
type Operator = (typeof OPERATORS)[number];

export type AccountPredicate = (account: AccountAssessment) => boolean;

function invalid(expression: string, clause: string, message: string): RiskError {
  return new RiskError('INVALID_FILTER', `In the filter "${expression}", "${clause}": ${message}`, {
    filter: expression,
    clause,
  });
}

/** Splits on `and`/`&&` outside quotes. */
function clausesOf(expression: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  const text = ` ${expression} `;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '"') quoted = !quoted;
    if (!quoted) {
      const rest = text.slice(i);
      const joiner = /^\s+(?:and|&&)\s+/i.exec(rest);
      if (joiner !== null) {
        clauses.push(current.trim());
        current = '';
        i += joiner[0].length - 1;
        continue;
      }
    }
    current += char;
  }
  clauses.push(current.trim());
  return clauses;
}

function splitAlternatives(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') {
      quoted = !quoted;
      continue;
    }
    if (char === '|' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

function matches(
  actual: string | number | boolean | readonly string[] | null,
  operator: Operator,
  wanted: string,
): boolean {
  if (actual === null) return false;
  if (Array.isArray(actual)) return actual.some((item: string) => matches(item, operator, wanted));
  if (typeof actual === 'number') {
    const number = Number(wanted);
    switch (operator) {
      case '>':
        return actual > number;
      case '>=':
        return actual >= number;
      case '<':
        return actual < number;
      case '<=':
        return actual <= number;
      default:
        return actual === number;
    }
  }
  const text = String(actual).toLowerCase();
  return operator === '~' ? text.includes(wanted.toLowerCase()) : text === wanted.toLowerCase();
}

function parseClause(expression: string, clause: string): AccountPredicate {
  const found = OPERATORS.map((op) => ({ op, at: clause.indexOf(op) }))
    .filter((candidate) => candidate.at > 0)
    .sort((a, b) => a.at - b.at || b.op.length - a.op.length)[0];
  if (found === undefined) {
    throw invalid(expression, clause, `expected field OP value, with OP one of ${OPERATORS.join(' ')}`);
  }
  const name = clause.slice(0, found.at).trim();
  const field = FIELDS[name.toLowerCase()];
  if (field === undefined) {
    throw invalid(expression, clause, `there is no field "${name}" (fields: ${Object.keys(FIELDS).join(', ')})`);
  }
  const operator = found.op;
  const values = splitAlternatives(clause.slice(found.at + operator.length));
  if (values.some((value) => value.length === 0)) throw invalid(expression, clause, 'a value is missing');
  const ordering = operator === '>' || operator === '>=' || operator === '<' || operator === '<=';
  if (field.kind === 'number' && values.some((value) => !Number.isFinite(Number(value)))) {
    throw invalid(expression, clause, `${name} is a number`);
  }
  if (ordering && field.kind !== 'number') throw invalid(expression, clause, `${operator} compares numbers only`);
  if (field.kind === 'boolean' && values.some((value) => value !== 'true' && value !== 'false')) {
    throw invalid(expression, clause, `${name} is true or false`);
  }
  if (field.values !== undefined && (operator === '=' || operator === '!=')) {
    const unknown = values.find((value) => !field.values?.includes(value.toLowerCase()));
    if (unknown !== undefined) {
      throw invalid(expression, clause, `"${unknown}" is not a value of ${name} (${field.values.join(', ')})`);
    }
  }
  const negated = operator === '!=' || operator === '!~';
  const positive: Operator = operator === '!=' ? '=' : operator === '!~' ? '~' : operator;
  return (account) => {
    const actual = field.read(account);
    const hit = values.some((value) => matches(actual, positive, value));
    return negated ? !hit : hit;
  };
}

/** Parses a filter once; the predicate then runs over any number of accounts. */
export function parseAccountFilter(expression: string): AccountPredicate {
  const clauses = clausesOf(expression).filter((clause) => clause.length > 0);
  if (clauses.length === 0) throw invalid(expression, expression, 'the filter is empty');
  const predicates = clauses.map((clause) => parseClause(expression, clause));
  return (account) => predicates.every((predicate) => predicate(account));
}
