import type { ParsedName } from './name-similarity';

/**
 * A cheap upper bound of nameSimilarity, to skip the pairs of names that
 * cannot reach the threshold: in a block of namesakes nine pairs in ten are
 * of that kind, and Jaro-Winkler was one of the costliest steps of matching.
 *
 * Jaro counts the characters two strings share within a window; without the
 * window they can share at most as many as their letter counts have in
 * common. With no transposition that bounds Jaro, and Jaro-Winkler grows with
 * Jaro for a given common prefix. The forward and reversed forms of a name
 * hold the same letters, so one count serves both orders; where both orders
 * are compared, the longer of the two prefixes is taken.
 */

/** Occurrences of each UTF-16 code unit in the name being compared; zero between calls. */
const counts = new Int32Array(65_536);

function commonPrefix(a: string, b: string): number {
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix += 1;
  }
  return prefix;
}

export function similarityBound(account: ParsedName, person: ParsedName): number {
  const a = account.forward;
  const b = person.forward;
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  let shared = 0;
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i);
    const left = counts[code] ?? 0;
    if (left > 0) {
      shared += 1;
      counts[code] = left - 1;
    }
  }
  for (let i = 0; i < a.length; i += 1) counts[a.charCodeAt(i)] = 0;
  if (shared === 0) return 0;
  const jaro = (shared / a.length + shared / b.length + 1) / 3;
  // Names that both say which part is which are compared in that order only (see nameSimilarity); a reversed name
  // equal to the account's has all its letters in common and is bounded by 1 whatever the prefix.
  const forward = commonPrefix(a, b);
  const prefix = account.ordered && person.ordered ? forward : Math.max(forward, commonPrefix(a, person.reversed));
  return jaro + prefix * 0.1 * (1 - jaro);
}
