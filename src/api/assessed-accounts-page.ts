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
import { privilegedGroupNames, topFinding } from '../views/inventory-columns';
import { isUnder } from '../views/ou-facets';
import type {
  AccountCriteria,
  InventoryRow,
  InventorySort,
  InventorySortField,
  ListAccountsInput,
} from './views-schemas';

type Page = Omit<ListAccountsInput, 'snapshotId'>;

/** What the criteria need beyond the assessment: the members of the group asked for, read from the store. */
export interface CriteriaContext {
  groupMembers?: ReadonlySet<string>;
}

function oneOf<T>(values: readonly T[] | undefined, read: (account: AccountAssessment) => T): AccountPredicate[] {
  if (values === undefined) return [];
  const wanted = new Set(values);
  return [(account) => wanted.has(read(account))];
}

/**
 * The text free search looks in (sAMAccountName, display name, DN, owner),
 * lower-cased once per assessment: lower-casing 400k strings at every
 * keystroke would cost more than the search itself. The separator cannot be typed.
 */
const searchTexts = new WeakMap<Assessment, Map<AccountAssessment, string>>();

function searchTextOf(assessment: Assessment): Map<AccountAssessment, string> {
  const known = searchTexts.get(assessment);
  if (known !== undefined) return known;
  const texts = new Map(
    assessment.accounts.map((a) => [
      a,
      [a.samAccountName, a.displayName ?? '', a.dn, a.owner ?? ''].join('\u0000').toLowerCase(),
    ]),
  );
  searchTexts.set(assessment, texts);
  return texts;
}

/** Every criterion of the request as one predicate each; the account filter expression is parsed once. */
function predicatesOf(assessment: Assessment, criteria: AccountCriteria, context: CriteriaContext): AccountPredicate[] {
  const predicates: AccountPredicate[] = [
    ...oneOf(criteria.type, (a) => a.type),
    ...oneOf(criteria.risk, (a) => a.risk),
    ...oneOf(criteria.usage, (a) => a.usage),
    ...oneOf(criteria.ownerStatus, (a) => a.ownerStatus),
    ...oneOf(criteria.hr, (a) => a.hr),
  ];
  if (criteria.filter !== undefined) predicates.push(parseAccountFilter(criteria.filter));
  if (criteria.isNhi !== undefined) predicates.push((a) => a.isNhi === criteria.isNhi);
  if (criteria.enabled !== undefined) predicates.push((a) => a.enabled === criteria.enabled);
  const lastLogon = criteria.lastLogon;
  if (lastLogon === 'never') predicates.push((a) => a.lastLogonDaysAgo === null);
  else if (lastLogon !== undefined) {
    predicates.push(
      (a) =>
        a.lastLogonDaysAgo !== null &&
        a.lastLogonDaysAgo >= lastLogon.from &&
        (lastLogon.to === null || a.lastLogonDaysAgo <= lastLogon.to),
    );
  }
  if (criteria.search !== undefined) {
    const text = criteria.search.toLowerCase();
    const texts = searchTextOf(assessment);
    predicates.push((a) => texts.get(a)?.includes(text) ?? false);
  }
  const ou = criteria.ou;
  if (ou !== undefined) {
    // A domain has far fewer OUs than accounts: each is compared once.
    const verdicts = new Map<string | null, boolean>();
    predicates.push((a) => {
      let verdict = verdicts.get(a.ou);
      if (verdict === undefined) {
        verdict = isUnder(a, ou);
        verdicts.set(a.ou, verdict);
      }
      return verdict;
    });
  }
  if (criteria.group !== undefined) {
    const members = context.groupMembers ?? new Set<string>();
    predicates.push((a) => members.has(a.objectGuid));
  }
  if (criteria.privileged !== undefined) {
    predicates.push((a) => a.privilegedPaths.length > 0 === criteria.privileged);
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
const SORT_KEYS: Record<InventorySortField, (account: AccountAssessment) => Key> = {
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
  isNhi: (a) => Number(a.isNhi),
  enabled: (a) => Number(a.enabled),
  ou: (a) => a.ou,
  dn: (a) => a.dn,
  groupCount: (a) => a.groupCount,
};

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

const HIGHEST_RISK_FIRST: InventorySort = { field: 'score', direction: 'desc' };

function comparator({ field, direction }: InventorySort): (a: AccountAssessment, b: AccountAssessment) => number {
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

export function rowOf(account: AccountAssessment): InventoryRow {
  const top = topFinding(account);
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
    topReason: top === undefined ? null : { id: top.id, title: top.title, summary: top.evidence.summary },
    groupCount: account.groupCount,
    privilegedGroups: privilegedGroupNames(account),
    tags: account.tags,
  };
}

/**
 * Each order asked of an assessment, kept as long as the assessment is: paging
 * through 100k accounts then costs a filter, not a sort, per page.
 */
const sortedOrders = new WeakMap<Assessment, Map<string, readonly AccountAssessment[]>>();

function sortedAccounts(assessment: Assessment, sort: InventorySort): readonly AccountAssessment[] {
  const orders = sortedOrders.get(assessment) ?? new Map<string, readonly AccountAssessment[]>();
  sortedOrders.set(assessment, orders);
  const key = `${sort.field} ${sort.direction}`;
  const known = orders.get(key);
  if (known !== undefined) return known;
  const sorted = [...assessment.accounts].sort(comparator(sort));
  orders.set(key, sorted);
  return sorted;
}

/**
 * The last few results, by criteria and order: a virtualized table asks for
 * one window after another of the same result as it scrolls, and each window
 * then costs a slice, not a pass over every account.
 */
const KEPT_RESULTS = 8;
const results = new WeakMap<Assessment, Map<string, readonly AccountAssessment[]>>();

/** The accounts that meet every criterion, in the order asked; a bad filter expression throws INVALID_FILTER. */
export function matchingAccounts(
  assessment: Assessment,
  criteria: AccountCriteria,
  sort: InventorySort | undefined,
  context: CriteriaContext = {},
): readonly AccountAssessment[] {
  const order = sort ?? HIGHEST_RISK_FIRST;
  const kept = results.get(assessment) ?? new Map<string, readonly AccountAssessment[]>();
  results.set(assessment, kept);
  const key = JSON.stringify([criteria, order]);
  const known = kept.get(key);
  if (known !== undefined) {
    // Most recently used last, so the oldest goes first.
    kept.delete(key);
    kept.set(key, known);
    return known;
  }
  const predicates = predicatesOf(assessment, criteria, context);
  const sorted = sortedAccounts(assessment, order);
  const matching =
    predicates.length === 0 ? sorted : sorted.filter((account) => predicates.every((predicate) => predicate(account)));
  kept.set(key, matching);
  if (kept.size > KEPT_RESULTS) kept.delete(kept.keys().next().value as string);
  return matching;
}

/**
 * Makes, ahead of the first request, what the Inventory's first page and first
 * search need at 100k accounts (the default order, the search texts, about a
 * third of a second each), one per task so other requests slip in between.
 */
export function prepareInventory(assessment: Assessment): void {
  setTimeout(() => {
    sortedAccounts(assessment, HIGHEST_RISK_FIRST);
    setTimeout(() => searchTextOf(assessment), 0);
  }, 0);
}

/** One page of an assessment's accounts, filtered and sorted as asked; a bad filter expression throws INVALID_FILTER. */
export function assessedAccountsPage(assessment: Assessment, page: Page, context: CriteriaContext = {}) {
  const { sort, offset, limit, ...criteria } = page;
  const matching = matchingAccounts(assessment, criteria, sort, context);
  return {
    snapshotId: assessment.snapshot.id,
    total: matching.length,
    offset,
    rows: matching.slice(offset, offset + limit).map(rowOf),
  };
}
