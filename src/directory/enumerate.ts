import { ACCOUNT_ATTRIBUTES, DELEGATED_MSA_FILTER, GROUP_ATTRIBUTES, GROUP_FILTER } from './account-attributes';
import type { DirectoryConnection } from './connection';
import { isDirectoryError } from './errors';
import { ACCOUNT_FILTER, escapeFilter } from './filters';
import { completeRangedAttribute } from './ranged-members';
import { DEFAULT_PAGE_SIZE, searchPaged, type DirectoryEntry } from './search';
import { splitTombstones, TOMBSTONE_ATTRIBUTES, type Tombstone } from './tombstones';

export interface EnumerateOptions {
  baseDn: string;
  /** Entries per page; AD caps it at 1,000. */
  pageSize?: number;
  /**
   * Only objects changed after this USN of the DC being read (uSNChanged is
   * per DC: the caller checks it is the same DC, by invocationId).
   */
  changedAfterUsn?: number;
  /**
   * With changedAfterUsn: the DC's highestCommittedUSN when the scan began.
   * Changes after it may be left to the next scan, which starts from it.
   */
  changedUpToUsn?: number;
  /** Only objectGUID of each object (no `member` ranges): the cheap list that shows which objects still exist. */
  guidsOnly?: boolean;
  signal?: AbortSignal;
}

export const GUID_ONLY: readonly string[] = ['objectGUID'];

/** LDAP results a server gives for a filter naming a class its schema lacks, instead of matching nothing. */
const UNKNOWN_CLASS_RESULTS = new Set([17, 18, 53]);

/** Matches every object: what a search for changes of any class is filtered on before its USN. */
const ANY_OBJECT = '(objectClass=*)';

/**
 * USNs spelled out one by one, at most: Samba indexes uSNChanged for equality
 * only, so a range makes it test every object of its database (about 0.2 s at
 * 24,000 objects, growing with the domain) while each equality term is an
 * index lookup (100 terms: 0.05 s); past a few hundred terms its OR of lookups
 * grows faster than the walk. AD indexes ranges; the terms cost it little.
 */
const USN_TERMS = 256;

/**
 * The filter on objects changed after `after` (and, with `upTo`, at or before
 * it): AD filters have no strict greater-than, hence `>= after + 1`. Of any
 * object, the USN terms alone: the presence test on objectClass (true of
 * every object) cost Samba a fifth more.
 */
function changedAfter(filter: string, after: number | undefined, upTo?: number): string {
  if (after === undefined) return filter;
  const count = upTo === undefined ? 0 : upTo - after;
  const changed =
    count > 0 && count <= USN_TERMS
      ? `(|${Array.from({ length: count }, (_, index) => `(uSNChanged=${after + 1 + index})`).join('')})`
      : `(uSNChanged>=${after + 1})`;
  return filter === ANY_OBJECT ? changed : `(&${filter}${changed})`;
}

function searchOptions(options: EnumerateOptions, filter: string, attributes: readonly string[]) {
  return {
    base: options.baseDn,
    scope: 'sub' as const,
    filter: changedAfter(filter, options.changedAfterUsn, options.changedUpToUsn),
    attributes: options.guidsOnly === true ? GUID_ONLY : attributes,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

/**
 * Pages of accounts: people and service users, gMSAs and sMSAs, then
 * delegated MSAs where the schema knows them. One page at a time.
 */
export async function* enumerateAccounts(
  connection: DirectoryConnection,
  options: EnumerateOptions,
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  yield* searchPaged(connection, searchOptions(options, ACCOUNT_FILTER, ACCOUNT_ATTRIBUTES));
  try {
    yield* searchPaged(connection, searchOptions(options, DELEGATED_MSA_FILTER, ACCOUNT_ATTRIBUTES));
  } catch (error) {
    const resultCode = isDirectoryError(error, 'LDAP_ERROR') ? error.details?.['resultCode'] : undefined;
    if (typeof resultCode !== 'number' || !UNKNOWN_CLASS_RESULTS.has(resultCode)) throw error;
  }
}

/**
 * Pages of groups, each with all of its `member` values under the plain
 * `member` key however many ranged reads that took.
 */
export async function* enumerateGroups(
  connection: DirectoryConnection,
  options: EnumerateOptions,
  filter: string = GROUP_FILTER,
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  const rangeOptions = options.signal === undefined ? {} : { signal: options.signal };
  const search = searchPaged(connection, searchOptions(options, filter, GROUP_ATTRIBUTES));
  if (options.guidsOnly === true) {
    yield* search;
    return;
  }
  for await (const page of search) {
    const completed: DirectoryEntry[] = [];
    for (const entry of page) completed.push(await completeRangedAttribute(connection, entry, 'member', rangeOptions));
    yield completed;
  }
}

/** What a changed object of any class is read with: an account's and a group's attributes together. */
const CHANGED_ENTRY_ATTRIBUTES: readonly string[] = [...new Set([...ACCOUNT_ATTRIBUTES, ...GROUP_ATTRIBUTES])];

export interface ChangedEntries {
  /** Live objects, groups with all their members read. */
  entries: DirectoryEntry[];
  /** Objects deleted after the USN; always empty unless the search asked for them. */
  tombstones: Tombstone[];
}

/**
 * Pages of every object under the base changed after `changedAfterUsn`,
 * whatever its class: one search, because a DC without an index on
 * uSNChanged (Samba) walks its whole database for each. With `tombstones`
 * (for a bind that canListTombstones, the base being the naming context) the
 * same search also returns what was deleted, with the Show Deleted control,
 * instead of a second walk. The caller sorts out accounts and groups, and
 * what left its subtree.
 */
export async function* enumerateChangedEntries(
  connection: DirectoryConnection,
  options: EnumerateOptions & { changedAfterUsn: number; tombstones?: boolean },
): AsyncGenerator<ChangedEntries, void, undefined> {
  const withTombstones = options.tombstones === true;
  const rangeOptions = options.signal === undefined ? {} : { signal: options.signal };
  const attributes = withTombstones ? [...CHANGED_ENTRY_ATTRIBUTES, ...TOMBSTONE_ATTRIBUTES] : CHANGED_ENTRY_ATTRIBUTES;
  for await (const page of searchPaged(connection, {
    ...searchOptions(options, ANY_OBJECT, attributes),
    showDeleted: withTombstones,
  })) {
    // Parted before anything else: a tombstone keeps its class, and has no members left to read.
    const { live, tombstones } = withTombstones ? splitTombstones(page) : { live: page, tombstones: [] };
    const entries: DirectoryEntry[] = [];
    for (const entry of live) entries.push(await completeRangedAttribute(connection, entry, 'member', rangeOptions));
    yield { entries, tombstones };
  }
}

/** DNs per search: an OR of equality terms on `member`, which the DC answers from its link index. */
const MEMBER_TERMS_PER_SEARCH = 50;

/** Pages of the groups (all their members read) whose `member` holds any of these DNs now. */
export async function* enumerateGroupsContaining(
  connection: DirectoryConnection,
  options: EnumerateOptions,
  memberDns: readonly string[],
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  for (let start = 0; start < memberDns.length; start += MEMBER_TERMS_PER_SEARCH) {
    const terms = memberDns.slice(start, start + MEMBER_TERMS_PER_SEARCH).map((dn) => escapeFilter`(member=${dn})`);
    yield* enumerateGroups(connection, options, `(&${GROUP_FILTER}(|${terms.join('')}))`);
  }
}

/** Everything a snapshot holds, accounts first: the pages an LDIF reader also yields. */
export async function* enumerateDirectory(
  connection: DirectoryConnection,
  options: EnumerateOptions,
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  yield* enumerateAccounts(connection, options);
  yield* enumerateGroups(connection, options);
}
