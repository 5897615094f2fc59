import { raceAbort } from './abortable';
import { clientOf, errorContext, type DirectoryConnection } from './connection';
import { allStrings } from './entry-values';
import { cancelled, toDirectoryError } from './map-error';
import type { DirectoryEntry } from './search';

/** A `member;range=START-END` key; END is `*` on the last range. */
export interface RangeKey {
  key: string;
  start: number;
  /** Undefined on the last range (`-*`). */
  end: number | undefined;
}

const RANGE_PATTERN = /^(.+);range=(\d+)-(\d+|\*)$/i;

/** The ranged key of `attribute` in an entry, if the server answered with one. */
export function findRangeKey(entry: DirectoryEntry, attribute: string): RangeKey | undefined {
  for (const key of Object.keys(entry)) {
    const match = RANGE_PATTERN.exec(key);
    if (!match || match[1]?.toLowerCase() !== attribute.toLowerCase()) continue;
    return { key, start: Number(match[2]), end: match[3] === '*' ? undefined : Number(match[3]) };
  }
  return undefined;
}

/**
 * The entry with every value of `attribute` under its plain name. A server
 * that caps values (AD: 1,500 per read) answers `member;range=0-1499`, and the
 * rest is read range by range until a key ending in `-*`; a server that does
 * not cap (Samba without an explicit range) answers `member` outright.
 * Only the values of this one entry are held, never a whole page of them.
 */
export async function completeRangedAttribute(
  connection: DirectoryConnection,
  entry: DirectoryEntry,
  attribute: string,
  options: { signal?: AbortSignal } = {},
): Promise<DirectoryEntry> {
  let range = findRangeKey(entry, attribute);
  const values = allStrings(entry, attribute);
  if (range === undefined) return values.length === 0 ? withoutRangedKeys(entry, attribute) : entry;

  const result = withoutRangedKeys(entry, attribute);
  values.push(...allStrings(entry, range.key));
  const context = errorContext(connection, 'search', { base: entry.dn });
  while (range?.end !== undefined) {
    const next = `${attribute};range=${range.end + 1}-*`;
    let found: DirectoryEntry | undefined;
    try {
      const { searchEntries } = await raceAbort(
        clientOf(connection).search(entry.dn, { scope: 'base', filter: '(objectClass=*)', attributes: [next] }),
        { ...(options.signal === undefined ? {} : { signal: options.signal }), onAbort: () => cancelled(context) },
      );
      found = searchEntries[0] as DirectoryEntry | undefined;
    } catch (error) {
      throw toDirectoryError(error, context);
    }
    range = found === undefined ? undefined : findRangeKey(found, attribute);
    // No ranged key in the answer: the remaining values were removed while we read.
    if (found === undefined || range === undefined) break;
    values.push(...allStrings(found, range.key));
  }
  result[attribute] = values;
  return result;
}

function withoutRangedKeys(entry: DirectoryEntry, attribute: string): DirectoryEntry {
  const name = attribute.toLowerCase();
  const kept = Object.entries(entry).filter(([key]) => RANGE_PATTERN.exec(key)?.[1]?.toLowerCase() !== name);
  return { ...(Object.fromEntries(kept) as Omit<DirectoryEntry, 'dn'>), dn: entry.dn };
}
