/**
 * Comparing people's names as different systems write them: "José Núñez",
 * "JOSE NUNEZ", "Núñez, José" and "Nunez Jose" are the same name.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const ASCII = /^[\x20-\x7e]*$/;
const PLAIN_WORD = /^[A-Za-z]+$/;

/**
 * Lower-case, accents folded, apostrophes and dots dropped ("O'Brien" is
 * "obrien"), qualifiers in brackets dropped ("Dana Whitfield (admin)"), any
 * other punctuation a space. A comma is kept: it tells "Last, First" apart.
 */
export function foldName(text: string): string {
  // Most first and last names are one plain word: they need nothing but lower case.
  if (PLAIN_WORD.test(text)) return text.toLowerCase();
  // Most other names are plain ASCII: they skip the Unicode decomposition, the costliest step for 200k names.
  const letters = ASCII.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[ßæœøłđðþı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
  return letters
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/['’‘`.]/g, '')
    .replace(/[^\p{L}\p{N},]+/gu, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}

/** A person's name split in given and family parts, folded. */
export interface ParsedName {
  given: string;
  family: string;
  /** "given family". */
  forward: string;
  /** "family given": how a directory that drops the comma of "Last, First" writes it. */
  reversed: string;
  /** False when the order of the parts was guessed (a full name without a comma). */
  ordered: boolean;
}

function withoutCommas(text: string): string {
  if (!text.includes(',')) return text.trim();
  return text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

function parsed(given: string, family: string, ordered: boolean): ParsedName | undefined {
  if (given.length === 0 || family.length === 0) return undefined;
  return { given, family, forward: `${given} ${family}`, reversed: `${family} ${given}`, ordered };
}

/**
 * Reads a name from separate given and family names when both are there,
 * otherwise from a full name: "Núñez, José" is family first, "José Núñez"
 * given first (the first word; the rest is the family name). Undefined when
 * there are not two words to compare: a single word ("Atlas") is no person's name.
 */
export function parseName(first: string | null, last: string | null, full: string | null): ParsedName | undefined {
  const fromParts = parsed(withoutCommas(foldName(first ?? '')), withoutCommas(foldName(last ?? '')), true);
  if (fromParts !== undefined) return fromParts;
  const folded = foldName(full ?? '');
  const comma = folded.indexOf(',');
  if (comma >= 0) return parsed(withoutCommas(folded.slice(comma + 1)), withoutCommas(folded.slice(0, comma)), true);
  const space = folded.indexOf(' ');
  return space < 0 ? undefined : parsed(folded.slice(0, space), folded.slice(space + 1), false);
}

/** Scratch space of jaroWinkler, reused: allocating it for each of millions of comparisons kept the collector busy. */
let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/**
 * Jaro-Winkler similarity (Winkler 1990), from 0 (nothing in common) to 1
 * (equal): a common prefix of up to four characters raises the Jaro score by
 * 0.1 per character, as names that start alike are more often the same.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  if (matchedA.length < lengthA || matchedB.length < lengthB) {
    matchedA = new Uint8Array(Math.max(lengthA, lengthB) * 2);
    matchedB = new Uint8Array(Math.max(lengthA, lengthB) * 2);
  } else {
    matchedA.fill(0, 0, lengthA);
    matchedB.fill(0, 0, lengthB);
  }
  let matches = 0;
  for (let i = 0; i < lengthA; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i += 1) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const jaro = (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < lengthA && prefix < lengthB && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix += 1;
  }
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two names are, in either order unless both say which part is
 * which: a directory that writes "Nunez Jose" without a comma still meets
 * HR's "Jose Nunez".
 */
export function nameSimilarity(account: ParsedName, person: ParsedName): number {
  if (account.forward === person.forward || account.forward === person.reversed) return 1;
  const forward = jaroWinkler(account.forward, person.forward);
  return account.ordered && person.ordered ? forward : Math.max(forward, jaroWinkler(account.forward, person.reversed));
}
