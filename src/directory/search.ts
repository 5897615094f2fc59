import { Control, FilterParser, type Filter, type SearchResult } from 'ldapts';
import { raceAbort } from './abortable';
import { bufferAttributesFor } from './binary-attributes';
import { clientOf, errorContext, type DirectoryConnection } from './connection';
import { DirectoryError } from './errors';
import { cancelled, toDirectoryError } from './map-error';

/** One entry as ldapts returns it: text values, or Buffers for binary attributes. */
export interface DirectoryEntry {
  dn: string;
  [attribute: string]: Buffer | Buffer[] | string[] | string;
}

export interface PagedSearchOptions {
  base: string;
  scope?: 'base' | 'one' | 'sub';
  /** Build it with escapeFilter: never concatenate input into a filter. */
  filter: string;
  attributes: readonly string[];
  /** AD caps pages at 1,000 entries (MaxPageSize). */
  pageSize?: number;
  /** Binary attributes beyond the ones always treated as binary (see BINARY_ATTRIBUTES). */
  explicitBufferAttributes?: readonly string[];
  /** Also return tombstones (deleted objects), which the DC shows only to those allowed to list them. */
  showDeleted?: boolean;
  signal?: AbortSignal;
}

/** LDAP_SERVER_SHOW_DELETED_OID: no value, critical so that a DC that ignores it fails instead of hiding them. */
const SHOW_DELETED = '1.2.840.113556.1.4.417';

export const DEFAULT_PAGE_SIZE = 500;

function parseFilter(filter: string, connection: DirectoryConnection, base: string): Filter {
  try {
    return FilterParser.parseString(filter);
  } catch (error) {
    const { host, port, transport } = connection.endpoint;
    throw new DirectoryError(
      'INVALID_FILTER',
      `The search filter ${filter} is not valid LDAP: ${error instanceof Error ? error.message : String(error)}`,
      { host, port, transport, base, filter },
      { cause: error },
    );
  }
}

/**
 * Pages of entries, fetched one page at a time as the caller consumes them:
 * a scan of 100,000 accounts never holds more than a page. Referrals (to the
 * configuration partition and other domains) are not followed. The signal is
 * honoured between pages and while a page is awaited.
 */
export async function* searchPaged(
  connection: DirectoryConnection,
  options: PagedSearchOptions,
): AsyncGenerator<DirectoryEntry[], void, undefined> {
  const context = errorContext(connection, 'search', { base: options.base });
  const filter = parseFilter(options.filter, connection, options.base);
  const signal = options.signal;
  if (signal?.aborted) throw cancelled(context);
  const pages = clientOf(connection).searchPaginated(
    options.base,
    {
      scope: options.scope ?? 'sub',
      filter,
      attributes: [...options.attributes],
      explicitBufferAttributes: bufferAttributesFor(options.attributes, options.explicitBufferAttributes),
      paged: { pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE },
    },
    options.showDeleted === true ? [new Control(SHOW_DELETED, { critical: true })] : [],
  );
  try {
    while (true) {
      let next: IteratorResult<SearchResult, void>;
      try {
        next = await raceAbort(pages.next(), {
          ...(signal === undefined ? {} : { signal }),
          onAbort: () => cancelled(context),
        });
      } catch (error) {
        throw toDirectoryError(error, context);
      }
      if (next.done) return;
      yield next.value.searchEntries as DirectoryEntry[];
      if (signal?.aborted) throw cancelled(context);
    }
  } finally {
    // Stops ldapts' generator when the caller breaks out early or fails. Not awaited: after an abort
    // it would wait for the page still in flight.
    pages.return(undefined).catch(() => undefined);
  }
}
