import { HrImportError } from './errors';
import type { HrSource } from './source';
import { zipEntryNames } from './zip-entries';

/** The text encodings the CSV reader decodes. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type SniffedFormat =
  | { kind: 'xlsx' }
  | {
      kind: 'csv';
      encoding: TextEncodingName;
      /** Whether the file starts with a byte-order mark (the decoder drops it). */
      bom: boolean;
      /** The first bytes decoded, to find the delimiter in. */
      text: string;
    };

/** How much of the start of a file decides what it is. */
export const SNIFF_BYTES = 256 * 1024;
/** How much of the end of a ZIP is searched for its central directory. */
const ZIP_TAIL_BYTES = 1024 * 1024;

/** Signatures of files people pick by mistake, so the error can name what was picked. */
const KNOWN_BINARIES: readonly { magic: readonly number[]; what: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel 97-2003 (.xls) or other old Office file' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { magic: [0x4d, 0x5a], what: 'a Windows program' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { magic: [0xff, 0xfe, 0x00, 0x00], what: 'a UTF-32 text file' },
];

const SAVE_AS = 'Save it from Excel as "CSV UTF-8", "Unicode Text" or "Excel Workbook (.xlsx)".';

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

function unsupported(source: HrSource, what: string): HrImportError {
  return new HrImportError(
    'UNSUPPORTED_FORMAT',
    `${source.fileName} is ${what}, not a CSV or XLSX employee list. ${SAVE_AS}`,
    { fileName: source.fileName, detected: what },
  );
}

async function checkWorkbook(source: HrSource): Promise<void> {
  const names = zipEntryNames(await source.tail(ZIP_TAIL_BYTES));
  if (names === undefined) {
    throw new HrImportError(
      'MALFORMED_XLSX',
      `${source.fileName} looks like a ZIP archive or workbook but is truncated or damaged.`,
      { fileName: source.fileName },
    );
  }
  const lower = new Set(names.map((name) => name.toLowerCase()));
  if (lower.has('xl/workbook.xml')) return;
  if (lower.has('xl/workbook.bin')) throw unsupported(source, 'an Excel binary workbook (.xlsb)');
  if (lower.has('content.xml') && lower.has('mimetype')) throw unsupported(source, 'an OpenDocument file (.ods/.odt)');
  if (lower.has('word/document.xml')) throw unsupported(source, 'a Word document');
  if (lower.has('ppt/presentation.xml')) throw unsupported(source, 'a PowerPoint presentation');
  throw unsupported(source, 'a ZIP archive that is not an Excel workbook');
}

/** Decides whether `source` is a workbook or text, and which encoding the text is in. */
export async function sniffFormat(source: HrSource): Promise<SniffedFormat> {
  const head = await source.head(SNIFF_BYTES);
  if (head.length === 0) {
    throw new HrImportError('EMPTY_FILE', `${source.fileName} is empty.`, { fileName: source.fileName });
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    await checkWorkbook(source);
    return { kind: 'xlsx' };
  }
  for (const known of KNOWN_BINARIES) if (startsWith(head, known.magic)) throw unsupported(source, known.what);

  const { encoding: declared, bom } = textEncoding(head);
  const { encoding, text } = decodeHead(source, head, declared);
  checkLooksLikeText(source, text);
  return { kind: 'csv', encoding, bom, text };
}

function textEncoding(head: Buffer): { encoding: TextEncodingName; bom: boolean } {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  // UTF-16 without a byte-order mark: text in Latin script puts a zero in every other byte.
  const sample = head.subarray(0, Math.min(head.length, 4_096) & ~1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.4 && evenZeros === 0) return { encoding: 'utf-16le', bom: false };
  if (pairs >= 2 && evenZeros > pairs * 0.4 && oddZeros === 0) return { encoding: 'utf-16be', bom: false };
  return { encoding: 'utf-8', bom: false };
}

function decodeHead(
  source: HrSource,
  head: Buffer,
  encoding: TextEncodingName,
): { encoding: TextEncodingName; text: string } {
  try {
    // stream: true tolerates a character cut in two at the end of the sample.
    return { encoding, text: new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true }) };
  } catch {
    if (encoding !== 'utf-8') {
      throw new HrImportError('NOT_TEXT', `${source.fileName} is not valid ${encoding.toUpperCase()} text.`, {
        fileName: source.fileName,
        encoding,
      });
    }
  }
  // Excel's plain "CSV (Comma delimited)" writes the Windows code page, not UTF-8.
  return { encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(head) };
}

/** Refuses binary data: NUL bytes or many control characters are never in a real employee list. */
function checkLooksLikeText(source: HrSource, text: string): void {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) {
      controls = Infinity;
      break;
    }
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd) {
      controls += 1;
    }
  }
  if (controls > Math.max(2, text.length * 0.001)) {
    throw new HrImportError(
      'NOT_TEXT',
      `${source.fileName} holds binary data, not a CSV or XLSX employee list. ${SAVE_AS}`,
      { fileName: source.fileName },
    );
  }
}
