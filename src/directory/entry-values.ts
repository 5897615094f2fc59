import type { DirectoryEntry } from './search';

/** First value of an attribute as text, or undefined when absent. */
export function firstString(entry: DirectoryEntry, name: string): string | undefined {
  const value = valueOf(entry, name);
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : first;
}

/** All values of an attribute as text. */
export function allStrings(entry: DirectoryEntry, name: string): string[] {
  const value = valueOf(entry, name);
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v));
}

/** Attribute names are case-insensitive in LDAP; servers may answer in another case than asked. */
function valueOf(entry: DirectoryEntry, name: string): DirectoryEntry[string] | undefined {
  if (name in entry) return entry[name];
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : entry[key];
}
