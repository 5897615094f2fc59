/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** The median resists the occasional sample slowed by another process on a two-core machine; a mean does not. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Which side goes first in round `round`: alternating cancels the advantage of
 * running second (warmer JIT, CPU caches, OS file cache) instead of always
 * granting it to the same side.
 */
export function alternate<T>(round: number, pair: readonly [T, T]): readonly [T, T] {
  return round % 2 === 0 ? pair : [pair[1], pair[0]];
}
