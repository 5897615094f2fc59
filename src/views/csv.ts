/**
 * CSV as Excel and every other reader take it: RFC 4180 (CRLF line ends,
 * fields quoted when they hold a quote, a comma or a line break, quotes
 * doubled), in UTF-8 with a byte-order mark, without which Excel reads the
 * file as the machine's ANSI code page and mangles every accented name.
 */

const BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and carriage return, that some of them strip before doing so). A directory
 * value is written by whoever could edit the account, so a description such as
 * `=HYPERLINK("http://…")` must stay text: a leading apostrophe makes it so,
 * and Excel does not show it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, safe from formula injection and quoted as RFC 4180 requires. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record: its fields joined, ended by CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole file: the byte-order mark, the header, then every record, as UTF-8 bytes. */
export function csvBytes(header: readonly string[], records: Iterable<readonly string[]>): Uint8Array<ArrayBuffer> {
  // Built as parts and joined once: 100k records stay a single allocation of the text.
  const parts = [BOM, csvRecord(header)];
  for (const record of records) parts.push(csvRecord(record));
  // TextEncoder gives a Uint8Array of its own (a small Buffer would share Node's pool, and IPC copies it whole).
  return new TextEncoder().encode(parts.join(''));
}
