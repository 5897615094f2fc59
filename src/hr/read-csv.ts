import { Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
import { HrImportError, MAX_FIELD_CHARS } from './errors';
import type { SniffedFormat, TextEncodingName } from './sniff';
import type { HrSource } from './source';
import { headerNames, isBlank, type CsvDelimiter, type Table, type TableRow } from './table';

/**
 * Reads a CSV (or tab-separated "Unicode text") file as a table, streaming:
 * the bytes are decoded in the encoding the sniffer found (a byte-order mark
 * is dropped), and Papa Parse splits the text into records, honouring quoted
 * fields with delimiters, doubled quotes and line breaks inside. A quote
 * inside an unquoted field (O"Brien) is kept as text.
 */

/** The delimiter the first record uses most, outside quotes; a comma when there is none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.entries(counts) as [CsvDelimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best !== undefined && best[1] > 0 ? best[0] : ',';
}

interface QuoteCount {
  quotes: number;
}

/** Decodes bytes to text, counting the quote characters on the way (an odd count means one is never closed). */
function decoder(fileName: string, encoding: TextEncodingName, count: QuoteCount): Transform {
  const text = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  let offset = 0;
  const counted = (decoded: string): string => {
    for (let at = decoded.indexOf('"'); at >= 0; at = decoded.indexOf('"', at + 1)) count.quotes += 1;
    return decoded;
  };
  const fail = (error: unknown): HrImportError =>
    new HrImportError(
      'NOT_TEXT',
      `${fileName} is not valid ${encoding.toUpperCase()} text after byte ${offset}. Save it again as "CSV UTF-8" or "Unicode Text".`,
      { fileName, encoding, byteOffset: offset },
      { cause: error },
    );
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const decoded = counted(text.decode(chunk, { stream: true }));
        offset += chunk.length;
        callback(null, decoded);
      } catch (error) {
        callback(fail(error));
      }
    },
    flush(callback) {
      try {
        callback(null, counted(text.decode()));
      } catch (error) {
        callback(fail(error));
      }
    },
  });
}

function fieldTooLarge(fileName: string, rowNumber: number, column: string, length: number): HrImportError {
  return new HrImportError(
    'FIELD_TOO_LARGE',
    `${fileName}: row ${rowNumber}, column "${column}" holds a field of ${length} characters; a field may hold at ` +
      `most ${MAX_FIELD_CHARS} (Excel's limit). This usually means a quote that is opened and never closed.`,
    { fileName, row: rowNumber, column, length, limit: MAX_FIELD_CHARS },
  );
}

function unclosedQuote(fileName: string, rowNumber: number, column: string): HrImportError {
  return new HrImportError(
    'MALFORMED_CSV',
    `${fileName}: a quote opened in row ${rowNumber}, column "${column}" is never closed, so the rest of the file ` +
      'would be read as one field.',
    { fileName, row: rowNumber, column },
  );
}

function readFailure(fileName: string, error: unknown): HrImportError {
  if (error instanceof HrImportError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') {
    return new HrImportError(
      'FILE_UNREADABLE',
      `${fileName} cannot be read (${code}).`,
      { fileName },
      { cause: error },
    );
  }
  return new HrImportError(
    'MALFORMED_CSV',
    `${fileName}: not readable as CSV (${error instanceof Error ? error.message : String(error)}).`,
    { fileName },
    { cause: error },
  );
}

export async function readCsv(source: HrSource, format: Extract<SniffedFormat, { kind: 'csv' }>): Promise<Table> {
  const delimiter = detectDelimiter(format.text);
  const count: QuoteCount = { quotes: 0 };
  const input: Readable = source.stream();
  const decoded = input.pipe(decoder(source.fileName, format.encoding, count));
  const parser = decoded.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false }) as Transform);
  input.on('error', (error) => parser.destroy(error));
  decoded.on('error', (error) => parser.destroy(error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  let recordsRead = 0;
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      const result = await records.next();
      if (!result.done) recordsRead += 1;
      return result;
    } catch (error) {
      throw readFailure(source.fileName, error);
    }
  };
  const close = async (): Promise<void> => {
    input.destroy();
    parser.destroy();
  };
  const columnName = (header: string[] | undefined, index: number): string => header?.[index] ?? `Column ${index + 1}`;

  const checkFields = (cells: string[], rowNumber: number, header: string[] | undefined): void => {
    for (let index = 0; index < cells.length; index += 1) {
      const length = cells[index]?.length ?? 0;
      if (length > MAX_FIELD_CHARS) throw fieldTooLarge(source.fileName, rowNumber, columnName(header, index), length);
    }
  };

  // The header is the first row that is not blank.
  let headerCells: string[] | undefined;
  try {
    for (let result = await next(); !result.done; result = await next()) {
      checkFields(result.value, recordsRead, undefined);
      if (!isBlank(result.value)) {
        headerCells = result.value;
        break;
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (headerCells === undefined) {
    await close();
    throw new HrImportError('EMPTY_FILE', `${source.fileName} has no header row: it holds only blank lines.`, {
      fileName: source.fileName,
    });
  }
  const header = headerNames(headerCells);
  const headerRow = recordsRead;

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      let last: TableRow | undefined;
      for (let result = await next(); !result.done; result = await next()) {
        const row = { rowNumber: recordsRead, cells: result.value };
        checkFields(row.cells, row.rowNumber, header);
        if (last !== undefined) yield last;
        last = isBlank(row.cells) ? undefined : row;
      }
      // An odd number of quotes, and a last field running over lines: a quote was never closed.
      if (last !== undefined && count.quotes % 2 === 1) {
        const index = last.cells.length - 1;
        if (/[\r\n]/.test(last.cells[index] ?? '')) {
          throw unclosedQuote(source.fileName, last.rowNumber, columnName(header, index));
        }
      }
      if (last !== undefined) yield last;
    } finally {
      await close();
    }
  }

  return {
    format: 'csv',
    encoding: format.encoding.toUpperCase(),
    delimiter,
    header,
    headerRow,
    rows: rows(),
    close,
  };
}
