import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NativeDatabase } from '../guarded-database';
import { readRowValues } from './row-values';
import {
  HR_STATUSES,
  HrMappingSchema,
  type HrMapping,
  type HrRecord,
  type HrRecordInput,
  type HrStatus,
} from '../../hr/fields';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type { HrImportRow, NewHrRecordRow, WardenDatabase } from '../schema';
import { parseOrInvalid } from './validation';

export type { HrMapping, HrRecord, HrRecordInput, HrStatus } from '../../hr/fields';

/** One imported HR employee list. */
export interface HrImport {
  id: string;
  /** The source file's name (no directory). */
  fileName: string;
  importedAt: string;
  /** Records stored (the valid rows). */
  rowCount: number;
  /** Data rows in the file, invalid ones included; null for imports made before schema 3. */
  fileRows: number | null;
  /** The mapping the import used, with every detected column filled in. */
  mapping: HrMapping;
  /** The current import is the HR list reconciliation reads; at most one is current. */
  isCurrent: boolean;
}

export interface HrReplaceInput {
  fileName: string;
  mapping: HrMapping;
  /** Consumed lazily inside the transaction; an error thrown while iterating rolls the whole import back. */
  rows: Iterable<HrRecordInput> | AsyncIterable<HrRecordInput>;
  /** Data rows in the file, invalid ones included; a function is asked once `rows` is exhausted. */
  fileRows?: number | (() => number);
}

export interface HrRepository {
  /**
   * Stores a new HR list and makes it current, atomically: every row is
   * written in one transaction, and only once all are written does the new
   * import replace the previous current one. If anything fails (a row the
   * store refuses, an error thrown by `rows`, the disk) nothing is kept and
   * the previous list stays current. Earlier imports are kept, not current.
   */
  replaceCurrent(input: HrReplaceInput): Promise<{ importId: string; rowCount: number }>;
  /** The import reconciliation uses; undefined before the first import. */
  current(): Promise<HrImport | undefined>;
  get(importId: string): Promise<HrImport | undefined>;
  /** Every import, newest first. */
  list(): Promise<HrImport[]>;
  /**
   * Every record of an import (the current one by default) in file order,
   * read into memory at once (200k records are a few tens of MB): a
   * Promise of an array, not a stream, so the caller may query the store
   * while it works through them. Empty when there is no such import.
   */
  records(importId?: string): Promise<HrRecord[]>;
  /** The mapping last saved for a source file name (case-insensitive), if any. */
  mappingFor(fileName: string): Promise<HrMapping | undefined>;
  /** Saves the mapping for a source file name, replacing any earlier one. */
  saveMapping(fileName: string, mapping: HrMapping): Promise<void>;
}

const RECORD_COLUMNS = [
  'import_id',
  'row_number',
  'employee_id',
  'email',
  'first_name',
  'last_name',
  'display_name',
  'username',
  'status',
  'raw_status',
  'end_date',
  'department',
  'manager_email',
] as const satisfies readonly (keyof NewHrRecordRow)[];

/** Records per INSERT statement: one native call per batch instead of per record. */
const ROWS_PER_STATEMENT = 64;

/**
 * The INSERT of `rows` records, prepared once per import and run on the
 * native handle inside the import's transaction: with 200k records per
 * import, building statements through the query builder cost twice as much as
 * writing the rows.
 */
function insertRecordsText(rows: number): string {
  const tuple = `(${RECORD_COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO hr_records (${RECORD_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

const STATUSES: ReadonlySet<string> = new Set(HR_STATUSES);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalidRecord(row: HrRecordInput, reason: string): StoreError {
  return new StoreError('INVALID_DATA', `HR record for row ${row.rowNumber} is not valid: ${reason}.`, {
    rowNumber: Number.isFinite(row.rowNumber) ? row.rowNumber : null,
  });
}

/** The record's values in RECORD_COLUMNS order, appended to `values`. */
function pushRecordValues(values: unknown[], importId: string, row: HrRecordInput): void {
  if (!Number.isSafeInteger(row.rowNumber) || row.rowNumber < 1) throw invalidRecord(row, 'rowNumber must be ≥ 1');
  if (row.status !== null && !STATUSES.has(row.status)) throw invalidRecord(row, `unknown status "${row.status}"`);
  if (row.endDate !== null && !ISO_DATE.test(row.endDate)) throw invalidRecord(row, 'endDate must be YYYY-MM-DD');
  values.push(
    importId,
    row.rowNumber,
    row.employeeId,
    row.email,
    row.firstName,
    row.lastName,
    row.displayName,
    row.username,
    row.status,
    row.rawStatus,
    row.endDate,
    row.department,
    row.managerEmail,
  );
}

/** A record's columns in the order of RecordValues, read as arrays (see NativeDatabase.rowValues). */
const RECORDS_OF_IMPORT = `SELECT row_number, employee_id, email, first_name, last_name, display_name, username,
  status, raw_status, end_date, department, manager_email FROM hr_records WHERE import_id = ? ORDER BY row_number`;

type RecordValues = [
  rowNumber: number,
  employeeId: string | null,
  email: string | null,
  firstName: string | null,
  lastName: string | null,
  displayName: string | null,
  username: string | null,
  status: HrStatus | null,
  rawStatus: string | null,
  endDate: string | null,
  department: string | null,
  managerEmail: string | null,
];

/** Status is not checked again: only replaceCurrent writes records, and it refuses an unknown status. */
function toRecord(values: RecordValues): HrRecord {
  return {
    rowNumber: values[0],
    employeeId: values[1],
    email: values[2],
    firstName: values[3],
    lastName: values[4],
    displayName: values[5],
    username: values[6],
    status: values[7],
    rawStatus: values[8],
    endDate: values[9],
    department: values[10],
    managerEmail: values[11],
  };
}

function parseMapping(text: string, where: string): HrMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      'INVALID_DATA',
      `The saved HR column mapping of ${where} is damaged.`,
      { where },
      { cause: error },
    );
  }
  const parsed = HrMappingSchema.safeParse(value);
  // Mappings written before schema 3 may not follow today's shape; they are shown as "nothing saved".
  return parsed.success ? parsed.data : {};
}

function toImport(row: HrImportRow): HrImport {
  return {
    id: row.id,
    fileName: row.file_name,
    importedAt: row.imported_at,
    rowCount: row.row_count,
    fileRows: row.file_rows,
    mapping: parseMapping(row.mapping, `import ${row.id}`),
    isCurrent: row.is_current === 1,
  };
}

function fileNameOf(fileName: string): string {
  const name = fileName.trim();
  if (name.length === 0 || name.length > 1_000) {
    throw new StoreError('INVALID_DATA', 'An HR file name must have 1 to 1000 characters.', { fileName });
  }
  return name;
}

/**
 * `native` is the same connection as `db`, for the bulk insert only; it is
 * used only inside a transaction `db` has opened, so the two never interleave.
 */
export function hrRepository(db: Kysely<WardenDatabase>, native: NativeDatabase, clock: Clock): HrRepository {
  const get = async (importId: string): Promise<HrImport | undefined> => {
    const row = await db.selectFrom('hr_imports').selectAll().where('id', '=', importId).executeTakeFirst();
    return row === undefined ? undefined : toImport(row);
  };

  return {
    replaceCurrent(input) {
      const fileName = fileNameOf(input.fileName);
      const mapping = parseOrInvalid(HrMappingSchema, input.mapping, 'HR column mapping');
      const importId = randomUUID();
      return withImmediateTransaction(db, async (trx) => {
        await trx
          .insertInto('hr_imports')
          .values({
            id: importId,
            file_name: fileName,
            imported_at: clock().toISOString(),
            row_count: 0,
            file_rows: typeof input.fileRows === 'number' ? input.fileRows : null,
            mapping: JSON.stringify(mapping),
            is_current: 0,
          })
          .execute();
        const insertBatch = native.prepare(insertRecordsText(ROWS_PER_STATEMENT));
        let rowCount = 0;
        // One array for every batch: the statement has read the values by the time run() returns.
        const batch: unknown[] = [];
        let batchRows = 0;
        for await (const row of input.rows) {
          pushRecordValues(batch, importId, row);
          batchRows += 1;
          if (batchRows === ROWS_PER_STATEMENT) {
            insertBatch.run(batch);
            rowCount += batchRows;
            batch.length = 0;
            batchRows = 0;
          }
        }
        if (batchRows > 0) {
          native.prepare(insertRecordsText(batchRows)).run(batch);
          rowCount += batchRows;
        }
        await trx.updateTable('hr_imports').set({ is_current: 0 }).where('is_current', '=', 1).execute();
        await trx
          .updateTable('hr_imports')
          .set({
            is_current: 1,
            row_count: rowCount,
            ...(typeof input.fileRows === 'function' ? { file_rows: input.fileRows() } : {}),
          })
          .where('id', '=', importId)
          .execute();
        return { importId, rowCount };
      });
    },

    async current() {
      const row = await db.selectFrom('hr_imports').selectAll().where('is_current', '=', 1).executeTakeFirst();
      return row === undefined ? undefined : toImport(row);
    },

    get,

    async list() {
      const rows = await db.selectFrom('hr_imports').selectAll().orderBy('imported_at', 'desc').execute();
      return rows.map(toImport);
    },

    async records(importId) {
      const id =
        importId ?? (await db.selectFrom('hr_imports').select('id').where('is_current', '=', 1).executeTakeFirst())?.id;
      if (id === undefined) return [];
      return (await readRowValues<RecordValues>(db, native, RECORDS_OF_IMPORT, [id])).map(toRecord);
    },

    async mappingFor(fileName) {
      const row = await db
        .selectFrom('hr_mappings')
        .select('mapping')
        .where('file_name', '=', fileNameOf(fileName))
        .executeTakeFirst();
      return row === undefined ? undefined : parseMapping(row.mapping, `"${fileName}"`);
    },

    async saveMapping(fileName, mapping) {
      const name = fileNameOf(fileName);
      const valid = parseOrInvalid(HrMappingSchema, mapping, 'HR column mapping');
      await db
        .insertInto('hr_mappings')
        .values({ file_name: name, mapping: JSON.stringify(valid), saved_at: clock().toISOString() })
        .onConflict((conflict) =>
          conflict.column('file_name').doUpdateSet((eb) => ({
            file_name: eb.ref('excluded.file_name'),
            mapping: eb.ref('excluded.mapping'),
            saved_at: eb.ref('excluded.saved_at'),
          })),
        )
        .execute();
    },
  };
}
