import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { sniffFormat } from './sniff';
import type { HrSource } from './source';
import type { Table } from './table';

/** Opens an HR file as a table, whichever of CSV and XLSX it is (by its content, not its name). */
export async function openTable(source: HrSource, sheet?: string): Promise<Table> {
  const format = await sniffFormat(source);
  return format.kind === 'xlsx' ? readXlsx(source, sheet) : readCsv(source, format);
}
