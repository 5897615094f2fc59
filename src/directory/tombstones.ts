import { decodeGuid } from './decode-guid';
import { readTokenSids } from './token-groups';
import type { DirectoryConnection } from './connection';
import { firstString } from './entry-values';
import { isDirectoryError } from './errors';
import { searchPaged, type DirectoryEntry } from './search';

/** An object deleted on the DC: its GUID, and the DN it had, when the tombstone still tells it. */
export interface Tombstone {
  guid: string;
  formerDn: string | undefined;
}

export interface TombstoneOptions {
  /** The naming context (domain DN) that holds the objects and its Deleted Objects container. */
  namingContext: string;
  signal?: AbortSignal;
}

/**
 * A deleted object's RDN keeps its name followed by an escaped line feed and
 * "DEL:<guid>"; lastKnownParent holds where it lived. Together they give back
 * the DN that other objects' `member` values named.
 */
function formerDnOf(tombstoneDn: string, lastKnownParent: string | undefined): string | undefined {
  if (lastKnownParent === undefined) return undefined;
  const match = /^(.*?)(?:\\0A|\n)DEL:[0-9a-f-]{36},/i.exec(tombstoneDn);
  return match?.[1] === undefined ? undefined : `${match[1]},${lastKnownParent}`;
}

/** BUILTIN\Administrators: AD grants listing the Deleted Objects container to it (and SYSTEM) alone. */
const ADMINISTRATORS_SID = 'S-1-5-32-544';

/**
 * Whether this bind is trusted to see every tombstone. A bind without the
 * right gets an empty answer, not an error, to a search for deleted objects,
 * and some DCs show it the Deleted Objects container all the same; so the
 * test is the bind's own token (the rootDSE's tokenGroups): a member of
 * Administrators, and the container readable with the Show Deleted control.
 */
export async function canListTombstones(connection: DirectoryConnection, options: TombstoneOptions): Promise<boolean> {
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  const token = await readTokenSids(connection, signal);
  if (!token.includes(ADMINISTRATORS_SID)) return false;
  try {
    for await (const page of searchPaged(connection, {
      base: `CN=Deleted Objects,${options.namingContext}`,
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: ['objectGUID'],
      showDeleted: true,
      ...signal,
    })) {
      if (page.length > 0) return true;
    }
    return false;
  } catch (error) {
    if (isDirectoryError(error, 'NO_SUCH_OBJECT') || isDirectoryError(error, 'INSUFFICIENT_ACCESS')) return false;
    throw error;
  }
}

/** What a Show Deleted search also asks for, to tell tombstones from live objects and give their former DN. */
export const TOMBSTONE_ATTRIBUTES: readonly string[] = ['isDeleted', 'lastKnownParent'];

/**
 * A Show Deleted search's entries parted into live objects and tombstones. A
 * tombstone keeps its objectClass and lies under the naming context, so it
 * must be taken out before anything sorts entries by class or place.
 */
export function splitTombstones(entries: readonly DirectoryEntry[]): {
  live: DirectoryEntry[];
  tombstones: Tombstone[];
} {
  const live: DirectoryEntry[] = [];
  const tombstones: Tombstone[] = [];
  for (const entry of entries) {
    if (firstString(entry, 'isDeleted')?.toUpperCase() !== 'TRUE') {
      live.push(entry);
      continue;
    }
    const value = entry['objectGUID'];
    const bytes = Array.isArray(value) ? value[0] : value;
    if (Buffer.isBuffer(bytes))
      tombstones.push({
        guid: decodeGuid(bytes, 'objectGUID'),
        formerDn: formerDnOf(entry.dn, firstString(entry, 'lastKnownParent')),
      });
  }
  return { live, tombstones };
}
