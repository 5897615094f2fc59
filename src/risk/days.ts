const DAY_MS = 86_400_000;

/** Whole days from an ISO time to `asOf` (negative when it is later); undefined for no time or an unreadable one. */
export function daysBefore(iso: string | null, asOf: number): number | undefined {
  if (iso === null) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : Math.floor((asOf - at) / DAY_MS);
}
