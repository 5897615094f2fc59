import { serializeError, type SerializedError } from '../errors';
import type { Store } from '../store';
import type { HrMapping } from './fields';
import { hrSource, parseMapping, type HrFileInput } from './import';
import { detectMapping, resolveMapping } from './mapping';
import { openTable } from './read-table';
import type { TableRow } from './table';

/**
 * What an import wizard shows before importing: the file's headers, its first
 * rows, the mapping detected from the headers, the one saved for the file
 * name, and the mapping an import would use now. A file that cannot be read
 * at all fails as the import would; a mapping that lacks a required column
 * does not fail the preview, it comes back as `problem`.
 */
export interface HrFilePreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** XLSX: every sheet of the workbook, in its order, for the user to pick one. */
  sheets?: string[];
  header: string[];
  headerRow: number;
  /** The first data rows, as read (no validation). */
  rows: TableRow[];
  /** Detected from the headers alone. */
  detected: HrMapping;
  /** Saved for this file name by an earlier import, if any. */
  saved: HrMapping | null;
  /** What importing with the given mapping would use; null when `problem` says why it cannot. */
  mapping: HrMapping | null;
  problem: SerializedError | null;
}

export const DEFAULT_PREVIEW_ROWS = 20;
export const MAX_PREVIEW_ROWS = 200;

/** What previewHrFile is given: the file, optionally a mapping and sheet, and how many rows to show. */
export type PreviewHrFileRequest = HrFileInput & { mapping?: HrMapping; sheet?: string; rows?: number };

export async function previewHrFile(store: Store, request: PreviewHrFileRequest): Promise<HrFilePreview> {
  const input = request;
  const options = request;
  const given = options.mapping === undefined ? undefined : parseMapping(options.mapping);
  const wanted = Math.min(Math.max(options.rows ?? DEFAULT_PREVIEW_ROWS, 0), MAX_PREVIEW_ROWS);
  const source = await hrSource(input);
  const table = await openTable(source, options.sheet);
  const rows: TableRow[] = [];
  try {
    if (wanted > 0) {
      for await (const row of table.rows) {
        rows.push(row);
        if (rows.length >= wanted) break;
      }
    }
  } finally {
    await table.close();
  }
  const saved = (await store.hr.mappingFor(source.fileName)) ?? null;
  let mapping: HrMapping | null = null;
  let problem: SerializedError | null = null;
  try {
    mapping = resolveMapping(source.fileName, table.header, given, saved ?? undefined).mapping;
  } catch (error) {
    problem = serializeError(error);
  }
  const preview: HrFilePreview = {
    fileName: source.fileName,
    format: table.format,
    header: table.header,
    headerRow: table.headerRow,
    rows,
    detected: detectMapping(table.header),
    saved,
    mapping,
    problem,
  };
  if (table.encoding !== undefined) preview.encoding = table.encoding;
  if (table.delimiter !== undefined) preview.delimiter = table.delimiter;
  if (table.sheet !== undefined) preview.sheet = table.sheet;
  if (table.sheets !== undefined) preview.sheets = table.sheets;
  return preview;
}
