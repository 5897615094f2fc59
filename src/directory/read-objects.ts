import type { DirectoryConnection } from './connection';
import { isDirectoryError } from './errors';
import { searchPaged, type DirectoryEntry } from './search';

/** A DN that names an object by its objectGUID: AD and Samba resolve it wherever the object now lives. */
export function guidDn(objectGuid: string): string {
  return `<GUID=${objectGuid.trim().replace(/^\{(.*)\}$/, '$1')}>`;
}

/** A DN that names an object by its SID, e.g. a primary group by domain SID and RID. */
export function sidDn(sid: string): string {
  return `<SID=${sid.trim()}>`;
}

/** Every entry a search finds, collected: for the small answers of single-object reads. */
export async function searchAll(
  connection: DirectoryConnection,
  options: { base: string; scope: 'base' | 'one' | 'sub'; filter: string; attributes: readonly string[] },
): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const page of searchPaged(connection, options)) entries.push(...page);
  return entries;
}

/** One object read by its DN (or a <GUID=…>/<SID=…> DN); undefined when it does not exist. */
export async function readObject(
  connection: DirectoryConnection,
  dn: string,
  attributes: readonly string[],
): Promise<DirectoryEntry | undefined> {
  try {
    const [entry] = await searchAll(connection, { base: dn, scope: 'base', filter: '(objectClass=*)', attributes });
    return entry;
  } catch (error) {
    if (isDirectoryError(error, 'NO_SUCH_OBJECT')) return undefined;
    throw error;
  }
}
