/**
 * A file read as a table: the header row, then the data rows with the row
 * numbers a spreadsheet would show for them (the header of a file that starts
 * with it is row 1, the first person row 2). Blank rows are not yielded but
 * still count, so later row numbers stay those of the file.
 */
export interface TableRow {
  rowNumber: number;
  /** Cell texts, one per column; a row may be shorter or longer than the header. */
  cells: string[];
}

export type CsvDelimiter = ',' | ';' | '\t';

export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV: the text encoding read. */
  encoding?: string;
  /** CSV: the delimiter detected. */
  delimiter?: CsvDelimiter;
  /** XLSX: the sheet read. */
  sheet?: string;
  /** XLSX: every sheet of the workbook, in the workbook's order, so that another can be picked. */
  sheets?: string[];
  /** The header cells, trimmed; a blank header reads "Column N" (N counted from 1). */
  header: string[];
  headerRow: number;
  rows: AsyncIterable<TableRow>;
  /** Stops reading early (a preview) and releases the file. */
  close(): Promise<void>;
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim().length === 0);
}

export function headerNames(cells: readonly string[]): string[] {
  return cells.map((cell, index) => {
    const name = cell.trim();
    return name.length > 0 ? name : `Column ${index + 1}`;
  });
}
