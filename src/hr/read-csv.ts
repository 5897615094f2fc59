import type { Readable } from 'node:stream';
import { decodedText, recordBatches, type QuoteCount } from './csv-records';
import { HrImportError, MAX_FIELD_CHARS } from './errors';
import type { SniffedFormat } from './sniff';
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
  const batches = recordBatches(decodedText(source.fileName, input, format.encoding, count), delimiter);

  let batch: string[][] = [];
  let inBatch = 0;
  let recordsRead = 0;
  /** The next record, undefined at the end of the file. */
  const next = async (): Promise<string[] | undefined> => {
    while (inBatch >= batch.length) {
      let result: IteratorResult<string[][]>;
      try {
        result = await batches.next();
      } catch (error) {
        throw readFailure(source.fileName, error);
      }
      if (result.done === true) return undefined;
      batch = result.value;
      inBatch = 0;
    }
    recordsRead += 1;
    return batch[inBatch++];
  };
  const close = async (): Promise<void> => {
    input.destroy();
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
    for (let cells = await next(); cells !== undefined; cells = await next()) {
      checkFields(cells, recordsRead, undefined);
      if (!isBlank(cells)) {
        headerCells = cells;
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
      for (let cells = await next(); cells !== undefined; cells = await next()) {
        const row = { rowNumber: recordsRead, cells };
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
