import { BINARY_ATTRIBUTES } from '../binary-attributes';
import type { DirectoryEntry } from '../search';

const BINARY = new Set(BINARY_ATTRIBUTES.map((name) => name.toLowerCase()));
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** An export repeats a few dozen names millions of times; the cap keeps a hostile file from growing it. */
const binaryByName = new Map<string, boolean>();
const CACHE_LIMIT = 10_000;

/** Binary by name, or by the `;binary` option, the two ways ldapts keeps values as bytes. */
export function isBinaryAttribute(name: string): boolean {
  const known = binaryByName.get(name);
  if (known !== undefined) return known;
  const base = name.split(';')[0] ?? name;
  const binary = BINARY.has(base.toLowerCase()) || /;binary$/i.test(name);
  if (binaryByName.size < CACHE_LIMIT) binaryByName.set(name, binary);
  return binary;
}

/** Strict UTF-8: undefined for bytes that are not text, rather than replacement characters. */
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The values of one attribute shaped as ldapts shapes them, so an entry read
 * from LDIF equals the entry a search returns: Buffers for binary attributes
 * and for values that are not UTF-8 (then every value of that attribute, as
 * ldapts does), strings otherwise; one value alone, several as an array.
 */
export function shapeValues(name: string, values: readonly (string | Buffer)[]): DirectoryEntry[string] {
  let shaped: string[] | Buffer[];
  if (isBinaryAttribute(name)) {
    shaped = values.map(toBuffer);
  } else {
    const texts = values.map((value) => (typeof value === 'string' ? value : decodeUtf8(value)));
    shaped = texts.every((text) => text !== undefined) ? (texts as string[]) : values.map(toBuffer);
  }
  return shaped.length === 1 ? (shaped[0] as string | Buffer) : shaped;
}

function toBuffer(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}
