import { AttributeValueError } from './attribute-error';

/** Milliseconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
const EPOCH_OFFSET_MS = 11_644_473_600_000n;
/** accountExpires uses the largest 64-bit value for "never". */
export const FILETIME_NEVER = '9223372036854775807';
/** 9999-12-31T23:59:59.999Z: later times have no four-digit year, and stored times must sort as text. */
const MAX_ISO_MS = 253_402_300_799_999n;

/**
 * A FILETIME (100 ns intervals since 1601-01-01 UTC, as the decimal text LDAP
 * carries) as an ISO-8601 UTC string. 0 and the largest value mean "never"
 * (pwdLastSet 0: must change at next logon; accountExpires: never expires),
 * and so does any time before 1970 or after the year 9999: null.
 */
export function fileTimeToIso(value: string, attribute = 'FILETIME'): string | null {
  const text = value.trim();
  if (!/^-?\d+$/.test(text)) throw new AttributeValueError(attribute, `"${value}" is not a FILETIME number`);
  const ticks = BigInt(text);
  if (ticks <= 0n || text === FILETIME_NEVER) return null;
  const ms = ticks / 10_000n - EPOCH_OFFSET_MS;
  if (ms < 0n || ms > MAX_ISO_MS) return null;
  return new Date(Number(ms)).toISOString();
}

/** The FILETIME text of a date: for tests, and for writing lastLogonTimestamp-style values. */
export function isoToFileTime(date: Date): string {
  return ((BigInt(date.getTime()) + EPOCH_OFFSET_MS) * 10_000n).toString();
}
