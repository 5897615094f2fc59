import {
  AttributeValueError,
  allStrings,
  decodeGuid,
  decodeSid,
  fileTimeToIso,
  firstString,
  generalizedTimeToIso,
  type DirectoryEntry,
} from '../directory';

/**
 * Typed reads of one attribute of an entry, the same whether the entry came
 * from LDAP or from an LDIF file. A value of the wrong form is an
 * AttributeValueError naming the object, never a silently wrong row.
 */

function rawValue(entry: DirectoryEntry, name: string): DirectoryEntry[string] | undefined {
  if (name in entry) return entry[name];
  const lower = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : entry[key];
}

function invalid(entry: DirectoryEntry, name: string, reason: string): AttributeValueError {
  return new AttributeValueError(name, reason, { dn: entry.dn });
}

/** The first value as text, with empty strings read as absent. */
export function text(entry: DirectoryEntry, name: string): string | null {
  const value = firstString(entry, name);
  return value === undefined || value === '' ? null : value;
}

export function texts(entry: DirectoryEntry, name: string): string[] {
  return allStrings(entry, name).filter((value) => value !== '');
}

export function integer(entry: DirectoryEntry, name: string): number | null {
  const value = text(entry, name);
  if (value === null) return null;
  const number = Number(value.trim());
  if (!Number.isSafeInteger(number)) throw invalid(entry, name, `"${value}" is not a whole number`);
  return number;
}

function firstBytesOrText(entry: DirectoryEntry, name: string): Buffer | string | undefined {
  const value = rawValue(entry, name);
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID given as 16 bytes or (from some LDIF exports) already as text. */
export function guid(entry: DirectoryEntry, name: string): string | null {
  const value = firstBytesOrText(entry, name);
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) {
    try {
      return decodeGuid(value, name);
    } catch {
      throw invalid(entry, name, `has ${value.length} bytes; a GUID has 16`);
    }
  }
  if (GUID_TEXT.test(value.trim())) return value.trim().toLowerCase();
  throw invalid(entry, name, `"${value}" is not a GUID`);
}

/** A SID given as bytes or (from some LDIF exports) already as S-1-… text. */
export function sid(entry: DirectoryEntry, name: string): string | null {
  const value = firstBytesOrText(entry, name);
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) {
    try {
      return decodeSid(value);
    } catch (error) {
      throw invalid(entry, name, error instanceof Error ? error.message : 'is not a SID');
    }
  }
  if (/^S-1-\d+(-\d+)*$/.test(value.trim())) return value.trim();
  throw invalid(entry, name, `"${value}" is not a SID`);
}

export function fileTime(entry: DirectoryEntry, name: string): string | null {
  const value = text(entry, name);
  if (value === null) return null;
  try {
    return fileTimeToIso(value, name);
  } catch {
    throw invalid(entry, name, `"${value}" is not a FILETIME number`);
  }
}

export function generalizedTime(entry: DirectoryEntry, name: string): string | null {
  const value = text(entry, name);
  if (value === null) return null;
  try {
    return generalizedTimeToIso(value, name);
  } catch {
    throw invalid(entry, name, `"${value}" is not a GeneralizedTime`);
  }
}

/** The DN of the container or OU holding `dn`: everything after the first unescaped comma. */
export function parentDn(dn: string): string | null {
  for (let index = 0; index < dn.length; index++) {
    const char = dn[index];
    if (char === '\\') index++;
    else if (char === ',') return dn.slice(index + 1).trim() || null;
  }
  return null;
}

/** Fails with the attribute and the object named when a value every such object has is missing. */
export function required<T>(entry: DirectoryEntry, name: string, value: T | null): T {
  if (value === null) throw invalid(entry, name, 'is missing');
  return value;
}
