import { allStrings, type DirectoryEntry } from '../directory';

export type AccountKind = 'user' | 'gmsa' | 'smsa' | 'dmsa';
export type EntryKind = AccountKind | 'group';

/**
 * What an entry is, from its objectClass values alone, so that a source which
 * mixes everything (an LDIF file) sorts like the scan's separate searches:
 * managed service accounts (which are computers by class), users that are not
 * computers, and groups. Anything else (computers, contacts, OUs) is not
 * inventoried: undefined.
 */
export function entryKind(entry: DirectoryEntry): EntryKind | undefined {
  const classes = new Set(allStrings(entry, 'objectClass').map((value) => value.toLowerCase()));
  if (classes.has('msds-groupmanagedserviceaccount')) return 'gmsa';
  if (classes.has('msds-delegatedmanagedserviceaccount')) return 'dmsa';
  if (classes.has('msds-managedserviceaccount')) return 'smsa';
  if (classes.has('group')) return 'group';
  if (classes.has('user') && !classes.has('computer')) return 'user';
  return undefined;
}
