import ExcelJS from 'exceljs';
import { openTable } from '../../../src/hr/read-table';
import { bytesSource } from '../../../src/hr/source';
import type { TableRow } from '../../../src/hr/table';

/** The file's text in an encoding, with or without a byte-order mark. */
export function encode(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bom: boolean): Buffer {
  const body =
    encoding === 'utf-8'
      ? Buffer.from(text, 'utf8')
      : encoding === 'utf-16le'
        ? Buffer.from(text, 'utf16le')
        : Buffer.from(text, 'utf16le').swap16();
  if (!bom) return body;
  const mark = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] }[encoding];
  return Buffer.concat([Buffer.from(mark), body]);
}

/** An XLSX workbook made with exceljs: one sheet per entry, rows as given. */
export async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Reads bytes as the import does, into header and rows. */
export async function readAll(
  fileName: string,
  bytes: Uint8Array,
  sheet?: string,
): Promise<{
  header: string[];
  rows: TableRow[];
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
  format: string;
}> {
  const table = await openTable(bytesSource(fileName, bytes), sheet);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return {
    header: table.header,
    rows,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    sheets: table.sheets,
    format: table.format,
  };
}
