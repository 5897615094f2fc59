const words = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const units: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; seconds: number }> = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 },
];

/**
 * How long ago `then` was, in the largest whole unit ("2 hours ago"). Under a
 * minute reads "just now": seconds would only tick by on a dashboard. A clock
 * running behind the core's also gives "just now" rather than a time in the future.
 */
export function describeAge(then: Date, now: Date): string {
  const elapsed = Math.floor((now.getTime() - then.getTime()) / 1000);
  for (const { unit, seconds } of units) {
    if (elapsed >= seconds) return words.format(-Math.floor(elapsed / seconds), unit);
  }
  return 'just now';
}
