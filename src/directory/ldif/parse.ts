import type { DirectoryEntry } from '../search';
import { LdifParser } from './parser';

/** The same line endings readline splits on with crlfDelay: Infinity. */
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * Every entry of a small LDIF text, for tests and pasted snippets. Files go
 * through readLdifEntries, which streams.
 */
export function parseLdif(text: string, options: { source?: string } = {}): DirectoryEntry[] {
  const parser = new LdifParser(options.source);
  const entries: DirectoryEntry[] = [];
  const lines = text.split(LINE_BREAK);
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const entry = parser.push(line);
    if (entry !== undefined) entries.push(entry);
  }
  const last = parser.end();
  if (last !== undefined) entries.push(last);
  return entries;
}
