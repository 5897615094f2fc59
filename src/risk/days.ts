const DAY_MS = 86_400_000;

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at += 1) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Milliseconds of an ISO-8601 UTC time as the store keeps them
 * (2024-05-01T12:34:56.789Z), read directly: Date.parse costs more than the
 * rest of an account's usage verdict. Any other form goes to Date.parse.
 */
export function isoMs(iso: string): number {
  if (iso.length === 24 && iso.charCodeAt(4) === 45 && iso.charCodeAt(10) === 84 && iso.charCodeAt(23) === 90) {
    const ms = Date.UTC(
      digits(iso, 0, 4),
      digits(iso, 5, 7) - 1,
      digits(iso, 8, 10),
      digits(iso, 11, 13),
      digits(iso, 14, 16),
      digits(iso, 17, 19),
      digits(iso, 20, 23),
    );
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.parse(iso);
}

/** Whole days from an ISO time to `asOf` (negative when it is later); undefined for no time or an unreadable one. */
export function daysBefore(iso: string | null, asOf: number): number | undefined {
  if (iso === null) return undefined;
  const at = isoMs(iso);
  return Number.isNaN(at) ? undefined : Math.floor((asOf - at) / DAY_MS);
}
