const DAY_MS = 86_400_000;
/** Milliseconds between 1601-01-01 (the FILETIME epoch) and 1970-01-01. */
const EPOCH_OFFSET_MS = 11_644_473_600_000n;

/** AD's FILETIME: 100 ns intervals since 1601-01-01 UTC, as the decimal string LDAP carries. */
export function toFileTime(date: Date): string {
  return ((BigInt(date.getTime()) + EPOCH_OFFSET_MS) * 10_000n).toString();
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Spreads times across the day too, so values do not all land on the same second. */
export function daysBeforeWithTime(now: Date, days: number, fraction: number): Date {
  return new Date(now.getTime() - days * DAY_MS - Math.floor(fraction * DAY_MS));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
