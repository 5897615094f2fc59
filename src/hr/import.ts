import { userInfo } from 'node:os';
import type { Store } from '../store';
import { HrImportError } from './errors';
import { HrMappingSchema, type HrMapping, type HrRecordInput } from './fields';
import { resolveMapping, type ResolvedMapping } from './mapping';
import { openTable } from './read-table';
import { bytesSource, fileSource, type HrSource } from './source';
import { RowValidator, type HrRowIssue, type ValidatedRows } from './validate-rows';

/**
 * Importing an HR employee list: the one service the CLI (`warden hr import`)
 * and the app (the importHrFile operation) both call.
 *
 * The file is read as it streams; each row is checked as it comes, invalid
 * rows are listed and skipped, and the valid ones are written at once, all in
 * one transaction that makes the new list current only when the whole file
 * has been read, so a failure at any point leaves the previous list current.
 * Nothing but the rows being written is held in memory (and the rows whose
 * day/month order waits on the rest of the file). A file-level problem (not a CSV or XLSX, no
 * identifier column, a broken quote…) fails the whole import with an
 * HrImportError; a problem with some rows does not.
 */

/** Where the file comes from: a path, or its bytes and name (the app). */
export type HrFileInput = { path: string } | { bytes: Uint8Array; fileName: string };

/** What importHrFile is given: the file (a path, or bytes and a name) and how to read it. */
export type ImportHrFileRequest = HrFileInput & ImportHrFileOptions;

export interface ImportHrFileOptions {
  /** Overrides the saved and detected mapping field by field (null turns a field off). */
  mapping?: HrMapping;
  /** XLSX: the sheet to read (case-insensitive); the first sheet by default. Ignored for CSV. */
  sheet?: string;
  /** Save the mapping used for this file name, to be reused next time (default true). */
  saveMapping?: boolean;
  /** Who imports, for the audit log (default: the operating-system user). */
  actor?: string;
}

/** At most this many row errors are listed; errorCount has them all. */
export const MAX_LISTED_ISSUES = 10_000;

export interface HrImportResult {
  /** Data rows in the file (blank rows not counted). */
  rows: number;
  /** Rows stored. */
  imported: number;
  /** Rows skipped, with why (at most MAX_LISTED_ISSUES; see errorCount). */
  errors: HrRowIssue[];
  errorCount: number;
  /** Rows kept with something worth a look. */
  warnings: HrRowIssue[];
  warningCount: number;
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** The mapping used: every column read, and any field turned off. Saved for the file name. */
  mapping: HrMapping;
  dateOrder: ValidatedRows['dateOrder'];
}

export function parseMapping(value: unknown): HrMapping {
  const parsed = HrMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(mapping)'}: ${issue.message}`,
  );
  throw new HrImportError(
    'INVALID_MAPPING',
    `The column mapping is not valid: ${issues.join('; ')}. It is a JSON object of field names (employeeId, email, ` +
      'firstName, lastName, displayName, username, status, endDate, department, managerEmail) to column headers, ' +
      'with an optional "dateFormat" of "auto", "mdy", "dmy" or "ymd".',
    { issues },
  );
}

export async function hrSource(input: HrFileInput): Promise<HrSource> {
  return 'path' in input ? fileSource(input.path) : bytesSource(input.fileName, input.bytes);
}

/** Refuses a file without people, or without one valid row: replacing the list with nothing would make every account look like one without a person behind it. */
function refuseEmpty(fileName: string, header: readonly string[], validated: ValidatedRows): void {
  if (validated.rows === 0) {
    throw new HrImportError('NO_ROWS', `${fileName} has a header row but no people in it.`, {
      fileName,
      header: [...header],
    });
  }
  if (validated.valid === 0) {
    const first = validated.errors[0];
    throw new HrImportError(
      'NO_VALID_ROWS',
      `None of the ${validated.rows} rows of ${fileName} is valid, so the current HR list was kept. ` +
        `First problem: row ${first?.row ?? '?'}, ${first?.column ?? 'row'}: ${first?.message ?? 'invalid'}.`,
      {
        fileName,
        rows: validated.rows,
        firstErrors: validated.errors
          .slice(0, 10)
          .map((issue) => `row ${issue.row}, ${issue.column ?? 'row'}: ${issue.message}`),
      },
    );
  }
}

export async function importHrFile(store: Store, request: ImportHrFileRequest): Promise<HrImportResult> {
  const options: ImportHrFileOptions = request;
  const given = options.mapping === undefined ? undefined : parseMapping(options.mapping);
  const source = await hrSource(request);
  const table = await openTable(source, options.sheet);
  let validated: ValidatedRows | undefined;
  let resolved: ResolvedMapping;
  let stored: { importId: string; rowCount: number };
  try {
    const saved = await store.hr.mappingFor(source.fileName);
    resolved = resolveMapping(source.fileName, table.header, given, saved);
    const validator = new RowValidator(source.fileName, resolved);
    const fileName = source.fileName;
    // Rows are stored as they are read and checked, inside the import's transaction: a file-level
    // error found on the way (or at the end) throws here and rolls the whole import back.
    const records = async function* (): AsyncGenerator<HrRecordInput> {
      for await (const row of table.rows) {
        const record = validator.add(row);
        if (record !== undefined) yield record;
      }
      validated = validator.finish();
      yield* validated.settled;
      refuseEmpty(fileName, table.header, validated);
    };
    stored = await store.hr.replaceCurrent({
      fileName,
      mapping: resolved.mapping,
      rows: records(),
      fileRows: () => validated?.rows ?? 0,
    });
  } finally {
    await table.close();
  }
  if (validated === undefined) throw new Error('the import ended without reading the whole file');
  const { importId, rowCount } = stored;
  for (const stale of resolved.staleSaved) {
    validated.warnings.unshift({
      row: table.headerRow,
      column: null,
      value: stale,
      message: 'the mapping saved for this file name names a column the file no longer has; detected instead',
    });
  }
  if (options.saveMapping !== false) await store.hr.saveMapping(source.fileName, resolved.mapping);
  await store.audit.append({
    actor: options.actor ?? userInfo().username,
    action: 'hr.import',
    target: source.fileName,
    after: { importId, rows: validated.rows, imported: rowCount, errors: validated.errors.length },
    result: 'ok',
  });

  const result: HrImportResult = {
    rows: validated.rows,
    imported: rowCount,
    errors: validated.errors.slice(0, MAX_LISTED_ISSUES),
    errorCount: validated.errors.length,
    warnings: validated.warnings.slice(0, MAX_LISTED_ISSUES),
    warningCount: validated.warnings.length,
    importId,
    fileName: source.fileName,
    format: table.format,
    mapping: resolved.mapping,
    dateOrder: validated.dateOrder,
  };
  if (table.encoding !== undefined) result.encoding = table.encoding;
  if (table.delimiter !== undefined) result.delimiter = table.delimiter;
  if (table.sheet !== undefined) result.sheet = table.sheet;
  return result;
}
