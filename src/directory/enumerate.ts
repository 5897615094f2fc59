import { ACCOUNT_ATTRIBUTES, DELEGATED_MSA_FILTER, GROUP_ATTRIBUTES, GROUP_FILTER } from './account-attributes';
import type { DirectoryConnection } from './connection';
import { isDirectoryError } from './errors';
import { ACCOUNT_FILTER } from './filters';
import { completeRangedAttribute } from './ranged-members';
import { DEFAULT_PAGE_SIZE, searchPaged, type DirectoryEntry } from './search';

export interface EnumerateOptions {
  baseDn: string;
  /** Entries per page; AD caps it at 1,000. */
  pageSize?: number;
  signal?: AbortSignal;
}

/** LDAP results a server gives for a filter naming a class its schema lacks, instead of matching nothing. */
const UNKNOWN_CLASS_RESULTS = new Set([17, 18, 53]);

function searchOptions(options: EnumerateOptions, filter: string, attributes: readonly string[]) {
  return {
    base: options.baseDn,
    scope: 'sub' as const,
    filter,
    attributes,
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
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  const rangeOptions = options.signal === undefined ? {} : { signal: options.signal };
  for await (const page of searchPaged(connection, searchOptions(options, GROUP_FILTER, GROUP_ATTRIBUTES))) {
    const completed: DirectoryEntry[] = [];
    for (const entry of page) completed.push(await completeRangedAttribute(connection, entry, 'member', rangeOptions));
    yield completed;
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
