import { PassThrough, pipeline, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { HrImportError, MAX_FIELD_CHARS } from './errors';
import type { HrSource } from './source';
import { headerNames, isBlank, type Table, type TableRow } from './table';

/**
 * Reads one sheet of an XLSX workbook as a table with exceljs's streaming
 * reader: the workbook is unzipped and parsed as it streams, one row at a
 * time, never loaded whole. Without a sheet name the first sheet is read.
 * Dates come out as YYYY-MM-DD (or full ISO when they carry a time), numbers
 * as their shortest decimal text, formulas as their cached result.
 */

/** The text of one cell value as exceljs gives it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text?: string }[];
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
    if ('formula' in cell || 'sharedFormula' in cell || 'result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if (typeof cell.error === 'string') return cell.error;
  }
  return '';
}

/** exceljs's row.values: 1-based and sparse. */
function rowCells(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let index = 1; index < values.length; index += 1) cells.push(cellText(values[index]));
  return cells;
}

/**
 * The names of the workbook's sheets in its own order, which the reader knows
 * once it has read the workbook part (before any sheet it emits, in the files
 * Excel and other tools write); undefined when it does not.
 */
function workbookSheetNames(reader: ExcelJS.stream.xlsx.WorkbookReader): string[] | undefined {
  // exceljs's typings leave out the parsed workbook part.
  const sheets = (reader as unknown as { model?: { sheets?: { name?: unknown }[] } }).model?.sheets;
  if (!Array.isArray(sheets)) return undefined;
  return sheets.map((sheet) => sheet.name).filter((name): name is string => typeof name === 'string');
}

/**
 * What exceljs unzips. exceljs pauses its unzip stream while it handles each
 * entry, and unzipper ends that stream as soon as its input is used up,
 * dropping the entries it queued meanwhile (exceljs issue 3064): the workbook
 * then reads without its sheet list, shared strings or styles, or not at all.
 * That happened to about one read in 500 of a two-sheet file and to nearly
 * every read of a 30-sheet one. The unzip stream is the one thing exceljs
 * pipes this into, so it is kept flowing: exceljs queues every entry itself,
 * and an entry's own stream still holds unzipping back until it is read.
 */
class FlowingUnzipInput extends PassThrough {
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    const unzip = destination as unknown as Readable;
    unzip.pause = () => unzip;
    // A pipe does not pass errors on; without this a file that fails to read would leave exceljs waiting.
    this.once('error', (error) => unzip.destroy(error));
    return super.pipe(destination, options);
  }
}

function malformed(fileName: string, error: unknown): HrImportError {
  if (error instanceof HrImportError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new HrImportError(
    'MALFORMED_XLSX',
    `${fileName} cannot be read as an Excel workbook (${reason}). Open it in Excel and save it again, or save it as "CSV UTF-8".`,
    { fileName, reason },
    { cause: error },
  );
}

export async function readXlsx(source: HrSource, sheetName?: string): Promise<Table> {
  const input = new FlowingUnzipInput();
  // Destroying the input (on close) destroys the file stream too; FlowingUnzipInput passes a read error on.
  pipeline(source.stream(), input, () => undefined);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date from a number.
    styles: 'cache',
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  const close = async (): Promise<void> => {
    input.destroy();
    await worksheets.return?.(undefined).catch(() => undefined);
  };

  let worksheet: ExcelJS.stream.xlsx.WorksheetReader | undefined;
  try {
    for (let result = await worksheets.next(); !result.done; result = await worksheets.next()) {
      const name = String((result.value as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`);
      seen.push(name);
      if (sheetName === undefined || name.toLowerCase() === sheetName.trim().toLowerCase()) {
        worksheet = result.value;
        break;
      }
      // Another sheet: read past it.
      for await (const _row of result.value) void _row;
    }
  } catch (error) {
    await close();
    throw malformed(source.fileName, error);
  }
  if (worksheet === undefined) {
    await close();
    if (sheetName !== undefined) {
      throw new HrImportError(
        'SHEET_NOT_FOUND',
        `${source.fileName} has no sheet "${sheetName}"; its sheets are: ${seen.map((name) => `"${name}"`).join(', ')}.`,
        { fileName: source.fileName, sheet: sheetName, sheets: seen },
      );
    }
    throw new HrImportError('EMPTY_FILE', `${source.fileName} is a workbook without any sheet.`, {
      fileName: source.fileName,
    });
  }
  const sheet = seen.at(-1) ?? '';
  const rowIterator = worksheet[Symbol.asyncIterator]();

  const next = async (header: string[] | undefined): Promise<TableRow | undefined> => {
    for (;;) {
      let result;
      try {
        result = await rowIterator.next();
      } catch (error) {
        throw malformed(source.fileName, error);
      }
      if (result.done) return undefined;
      const row = { rowNumber: result.value.number, cells: rowCells(result.value.values) };
      row.cells.forEach((cell, index) => {
        if (cell.length > MAX_FIELD_CHARS) {
          const column = header?.[index] ?? `Column ${index + 1}`;
          throw new HrImportError(
            'FIELD_TOO_LARGE',
            `${source.fileName}: row ${row.rowNumber}, column "${column}" holds ${cell.length} characters; a cell may hold at most ${MAX_FIELD_CHARS}.`,
            { fileName: source.fileName, row: row.rowNumber, column, length: cell.length, limit: MAX_FIELD_CHARS },
          );
        }
      });
      if (!isBlank(row.cells)) return row;
    }
  };

  let first: TableRow | undefined;
  try {
    first = await next(undefined);
  } catch (error) {
    await close();
    throw error;
  }
  if (first === undefined) {
    await close();
    throw new HrImportError('EMPTY_FILE', `${source.fileName}: the sheet "${sheet}" is empty.`, {
      fileName: source.fileName,
      sheet,
    });
  }
  const header = headerNames(first.cells);

  async function* rows(): AsyncGenerator<TableRow> {
    try {
      for (let row = await next(header); row !== undefined; row = await next(header)) yield row;
    } finally {
      await close();
    }
  }

  const table: Table = { format: 'xlsx', sheet, header, headerRow: first.rowNumber, rows: rows(), close };
  const sheets = workbookSheetNames(reader);
  if (sheets !== undefined) table.sheets = sheets;
  return table;
}
