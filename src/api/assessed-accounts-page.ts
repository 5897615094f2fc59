import {
  ACCOUNT_TYPES,
  HR_VALUES,
  OWNER_STATUSES,
  parseAccountFilter,
  USAGES,
  type AccountAssessment,
  type AccountPredicate,
  type Assessment,
} from '../risk';
import type { AccountSortField, AssessedAccountRow, ListAssessedAccountsInput } from './risk-schemas';

type Page = Omit<ListAssessedAccountsInput, 'snapshotId'>;

function oneOf<T>(values: readonly T[] | undefined, read: (account: AccountAssessment) => T): AccountPredicate[] {
  if (values === undefined) return [];
  const wanted = new Set(values);
  return [(account) => wanted.has(read(account))];
}

/** Every criterion of the request as one predicate each; the account filter expression is parsed once. */
function predicatesOf(page: Page): AccountPredicate[] {
  const predicates: AccountPredicate[] = [
    ...oneOf(page.type, (a) => a.type),
    ...oneOf(page.risk, (a) => a.risk),
    ...oneOf(page.usage, (a) => a.usage),
    ...oneOf(page.ownerStatus, (a) => a.ownerStatus),
    ...oneOf(page.hr, (a) => a.hr),
  ];
  if (page.filter !== undefined) predicates.push(parseAccountFilter(page.filter));
  if (page.isNhi !== undefined) predicates.push((a) => a.isNhi === page.isNhi);
  if (page.enabled !== undefined) predicates.push((a) => a.enabled === page.enabled);
  const lastLogon = page.lastLogon;
  if (lastLogon === 'never') predicates.push((a) => a.lastLogonDaysAgo === null);
  else if (lastLogon !== undefined) {
    predicates.push(
      (a) =>
        a.lastLogonDaysAgo !== null &&
        a.lastLogonDaysAgo >= lastLogon.from &&
        (lastLogon.to === null || a.lastLogonDaysAgo <= lastLogon.to),
    );
  }
  if (page.search !== undefined) {
    const text = page.search.toLowerCase();
    predicates.push((a) =>
      [a.samAccountName, a.displayName, a.dn, a.owner].some((value) => value?.toLowerCase().includes(text) ?? false),
    );
  }
  return predicates;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Values of a vocabulary sort in the vocabulary's order (most telling first), not alphabetically. */
const rank = (values: readonly string[]) => (value: string) => values.indexOf(value);
const typeRank = rank(ACCOUNT_TYPES);
const usageRank = rank(USAGES);
const ownerRank = rank(OWNER_STATUSES);
const hrRank = rank(HR_VALUES);

type Key = string | number | null;
const SORT_KEYS: Record<AccountSortField, (account: AccountAssessment) => Key> = {
  samAccountName: (a) => a.samAccountName,
  displayName: (a) => a.displayName,
  type: (a) => typeRank(a.type),
  // The tier follows the score, so the score orders within a tier too.
  risk: (a) => a.score,
  score: (a) => a.score,
  usage: (a) => usageRank(a.usage),
  lastLogonDaysAgo: (a) => a.lastLogonDaysAgo,
  ownerStatus: (a) => ownerRank(a.ownerStatus),
  owner: (a) => a.owner,
  hr: (a) => hrRank(a.hr),
};

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

type Sort = NonNullable<Page['sort']>;
const HIGHEST_RISK_FIRST: Sort = { field: 'score', direction: 'desc' };

function comparator({ field, direction }: Sort): (a: AccountAssessment, b: AccountAssessment) => number {
  const key = SORT_KEYS[field];
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    // Accounts without the value (no display name, no owner, never logged on) come last either way.
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = compareKeys(x, y);
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.samAccountName, b.samAccountName) || a.objectGuid.localeCompare(b.objectGuid);
  };
}

/** The finding that weighs most, the first listed on a tie (the rules list criticality first). */
function topReason(account: AccountAssessment): AssessedAccountRow['topReason'] {
  let top = account.reasons[0];
  for (const reason of account.reasons) if (top !== undefined && reason.weight > top.weight) top = reason;
  return top === undefined ? null : { id: top.id, title: top.title, summary: top.evidence.summary };
}

function rowOf(account: AccountAssessment): AssessedAccountRow {
  return {
    objectGuid: account.objectGuid,
    samAccountName: account.samAccountName,
    displayName: account.displayName,
    dn: account.dn,
    ou: account.ou,
    enabled: account.enabled,
    type: account.type,
    isNhi: account.isNhi,
    risk: account.risk,
    score: account.score,
    usage: account.usage,
    lastLogonDaysAgo: account.lastLogonDaysAgo,
    ownerStatus: account.ownerStatus,
    owner: account.owner,
    hr: account.hr,
    topReason: topReason(account),
  };
}

/**
 * Each order asked of an assessment, kept as long as the assessment is: paging
 * through 100k accounts then costs a filter, not a sort, per page.
 */
const sortedOrders = new WeakMap<Assessment, Map<string, readonly AccountAssessment[]>>();

function sortedAccounts(assessment: Assessment, sort: Sort): readonly AccountAssessment[] {
  const orders = sortedOrders.get(assessment) ?? new Map<string, readonly AccountAssessment[]>();
  sortedOrders.set(assessment, orders);
  const key = `${sort.field} ${sort.direction}`;
  const known = orders.get(key);
  if (known !== undefined) return known;
  const sorted = [...assessment.accounts].sort(comparator(sort));
  orders.set(key, sorted);
  return sorted;
}

/** One page of an assessment's accounts, filtered and sorted as asked; a bad filter expression throws INVALID_FILTER. */
export function assessedAccountsPage(assessment: Assessment, page: Page) {
  const predicates = predicatesOf(page);
  const matching = sortedAccounts(assessment, page.sort ?? HIGHEST_RISK_FIRST).filter((account) =>
    predicates.every((predicate) => predicate(account)),
  );
  return {
    snapshotId: assessment.snapshot.id,
    total: matching.length,
    offset: page.offset,
    rows: matching.slice(page.offset, page.offset + page.limit).map(rowOf),
  };
}
