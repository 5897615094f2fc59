import type { ParsedName } from './name-similarity';

/**
 * Comparing every account's name with every person's would cost accounts ×
 * people similarity computations (2·10^10 for 100k accounts and 200k people).
 * Instead each person is filed under two short keys, the first four letters
 * of the family name with the first two of the given name, and the other way
 * round; an account is compared only with the people filed under the keys its
 * own name could give. A typo in one part of a name is still found through the
 * other part's key. Names that differ near the start of both parts are not
 * compared at all: Jaro-Winkler weighs the start of a string most, so such
 * pairs rarely reach a useful threshold anyway.
 */
const LEADING = 4;
const SECOND = 2;
/** Words of a name tried as its parts; more would only be titles and suffixes. */
const MAX_WORDS = 5;
/** "Application service 12": words with digits are not names. */
const DIGIT = /\d/;

function blockKey(leading: string, second: string): string {
  return `${leading.slice(0, LEADING)}|${second.slice(0, SECOND)}`;
}

/** The keys a person of the HR list is filed under. */
export function personBlockKeys(name: ParsedName): string[] {
  const family = firstWord(name.family);
  const given = firstWord(name.given);
  return [blockKey(family, given), blockKey(given, family)];
}

function firstWord(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}

/**
 * Every key an account's name could share with its person: any word may be
 * the family name and any other the given name, as a directory may write
 * names in either order and with middle names.
 */
export function accountBlockKeys(name: ParsedName): string[] {
  const words = name.forward
    .split(' ')
    .filter((word) => !DIGIT.test(word))
    .slice(0, MAX_WORDS);
  const keys = new Set<string>();
  for (let leading = 0; leading < words.length; leading += 1) {
    for (let second = 0; second < words.length; second += 1) {
      if (leading !== second) keys.add(blockKey(words[leading] ?? '', words[second] ?? ''));
    }
  }
  return [...keys];
}
