import { randomInt } from 'node:crypto';

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@^_~'] as const;
const ALL = CLASSES.join('');

/**
 * A password nobody knows, to cut off whoever holds the current one. Long and
 * drawn from every character class, so it meets any complexity policy; it is
 * never shown, logged or stored.
 */
export function randomPassword(length = 40): string {
  const chars = CLASSES.map((set) => set.charAt(randomInt(set.length)));
  while (chars.length < length) chars.push(ALL.charAt(randomInt(ALL.length)));
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
