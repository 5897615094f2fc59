import { defaultOrder, parseDate, resolveAmbiguous, type ParsedDate } from './dates';
import { HrImportError, MAX_ROWS } from './errors';
import { HR_FIELDS, type HrField, type HrRecordInput } from './fields';
import type { ResolvedMapping } from './mapping';
import { CellReader } from './row-cells';
import { normalizeStatus } from './status';
import type { TableRow } from './table';

/**
 * One problem with one row: `row` as the file shows it (header = row 1),
 * `column` the header text, `value` the cell as written.
 */
export interface HrRowIssue {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  /** For a duplicate: the row that holds the same value and was kept. */
  otherRow?: number;
}

export interface ValidatedRows {
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Valid rows: those add() returned and those in `settled`. */
  valid: number;
  /** The valid records add() held back because their date was ambiguous, now with their date. */
  settled: HrRecordInput[];
  /** Rows skipped, and why. */
  errors: HrRowIssue[];
  /** Rows kept but worth a look (an unknown status, a shared e-mail, a date read by default). */
  warnings: HrRowIssue[];
  /** How numeric day/month dates were read: proved by the file, set in the mapping, or the default. */
  dateOrder: { order: 'dmy' | 'mdy' | 'ymd' | null; source: 'mapping' | 'file' | 'default' | 'none' };
}

/** A value shown in an issue is cut to this many characters. */
const MAX_SHOWN = 200;

function shown(value: string | undefined): string | null {
  if (value === undefined) return null;
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

type Ambiguous = Extract<ParsedDate, { kind: 'ambiguous' }>;

/**
 * Checks rows one at a time as they are read: add() returns each valid row
 * as a record, to be stored at once, and keeps nothing of it but its
 * employee ID and e-mail (for duplicates). A valid row whose date could be
 * read day-first or month-first is held back and returned by finish(), once
 * the whole column has shown which way round the file writes dates.
 */
export class RowValidator {
  private rowCount = 0;
  private valid = 0;
  private readonly errors: HrRowIssue[] = [];
  private readonly warnings: HrRowIssue[] = [];
  private readonly employeeIds = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly pending: { record: HrRecordInput; date: Ambiguous; raw: string }[] = [];
  private readonly proofs: { dmy?: { row: number; value: string }; mdy?: { row: number; value: string } } = {};

  private readonly reader: CellReader;

  constructor(
    private readonly fileName: string,
    private readonly mapping: ResolvedMapping,
  ) {
    const columns = {} as Record<HrField, number>;
    for (const field of HR_FIELDS) columns[field] = mapping.columns[field]?.index ?? -1;
    this.reader = new CellReader(columns);
  }

  private issue(
    row: number,
    field: HrField | null,
    value: string | undefined,
    message: string,
    otherRow?: number,
  ): HrRowIssue {
    const item: HrRowIssue = { row, column: field === null ? null : this.header(field), value: shown(value), message };
    if (otherRow !== undefined) item.otherRow = otherRow;
    return item;
  }

  /** An error with the row read last, showing its cell as written. */
  private rowError(row: number, field: HrField | null, message: string, otherRow?: number): void {
    this.errors.push(this.issue(row, field, field === null ? undefined : this.reader.raw(field), message, otherRow));
  }

  private header(field: HrField): string | null {
    return this.mapping.columns[field]?.header ?? null;
  }

  /** The row as a record when it is valid and complete; undefined when it is skipped or held back. */
  add(row: TableRow): HrRecordInput | undefined {
    this.rowCount += 1;
    if (this.rowCount > MAX_ROWS) {
      throw new HrImportError(
        'TOO_MANY_ROWS',
        `${this.fileName} has more than ${MAX_ROWS} rows; split it, or leave out people who left long ago.`,
        { fileName: this.fileName, limit: MAX_ROWS, row: row.rowNumber },
      );
    }
    const rowNumber = row.rowNumber;
    const cells = this.reader.read(row.cells);

    // Before the row is checked: a date in a row skipped for another reason still shows which way round the file
    // writes them.
    const rawDate = this.reader.raw('endDate').trim();
    const date = rawDate.length === 0 ? undefined : parseDate(rawDate, this.mapping.dateFormat);
    if (date?.kind === 'proof') this.proofs[date.order] ??= { row: rowNumber, value: rawDate };

    if (this.reader.problems.length > 0) {
      for (const problem of this.reader.problems) this.rowError(rowNumber, problem.field, problem.message);
      return undefined;
    }
    const errorsBefore = this.errors.length;
    if (cells.employeeId === null && cells.email === null) {
      this.rowError(
        rowNumber,
        this.mapping.columns.employeeId ? 'employeeId' : 'email',
        'no employee ID and no e-mail: the row cannot be matched to an account',
      );
    }
    if (cells.firstName === null && cells.lastName === null && cells.displayName === null && cells.username === null) {
      this.rowError(rowNumber, this.nameField, 'no name and no username');
    }
    let endDate: string | null = null;
    if (date?.kind === 'invalid') this.rowError(rowNumber, 'endDate', date.reason);
    else if (date !== undefined && date.kind !== 'ambiguous') endDate = date.iso;
    if (cells.employeeId !== null && this.errors.length === errorsBefore) {
      const key = cells.employeeId.toLowerCase();
      const first = this.employeeIds.get(key);
      if (first !== undefined) {
        const message = `employee ID "${cells.employeeId}" is already on row ${first}; this row is skipped`;
        this.rowError(rowNumber, 'employeeId', message, first);
      } else {
        this.employeeIds.set(key, rowNumber);
      }
    }
    if (this.errors.length > errorsBefore) return undefined;

    const status = normalizeStatus(cells.status);
    if (status === 'unknown') {
      this.warnings.push(
        this.issue(
          rowNumber,
          'status',
          cells.status ?? undefined,
          'status not recognized: stored as "unknown" (neither active nor a leaver)',
        ),
      );
    }
    if (cells.email !== null) {
      const key = cells.email.toLowerCase();
      const first = this.emails.get(key);
      if (first !== undefined) {
        this.warnings.push(this.issue(rowNumber, 'email', cells.email, `e-mail also on row ${first}`, first));
      } else {
        this.emails.set(key, rowNumber);
      }
    }
    const record: HrRecordInput = {
      rowNumber,
      employeeId: cells.employeeId,
      email: cells.email,
      firstName: cells.firstName,
      lastName: cells.lastName,
      displayName: cells.displayName,
      username: cells.username,
      status,
      rawStatus: cells.status,
      endDate,
      department: cells.department,
      managerEmail: cells.managerEmail,
    };
    this.valid += 1;
    if (date?.kind === 'ambiguous') {
      this.pending.push({ record, date, raw: rawDate });
      return undefined;
    }
    return record;
  }

  /** The field a row without any name is reported under: the first name column the file has. */
  private get nameField(): HrField | null {
    return (
      (['displayName', 'firstName', 'lastName', 'username'] as const).find(
        (field) => this.mapping.columns[field] !== undefined,
      ) ?? null
    );
  }

  finish(): ValidatedRows {
    const { dmy, mdy } = this.proofs;
    if (dmy !== undefined && mdy !== undefined) {
      const column = this.header('endDate');
      throw new HrImportError(
        'CONFLICTING_DATE_FORMATS',
        `${this.fileName}: column "${column}" mixes day-first dates (row ${dmy.row}: "${dmy.value}") and month-first ` +
          `dates (row ${mdy.row}: "${mdy.value}"). Correct the file, or set "dateFormat" in the mapping to "dmy" or "mdy".`,
        { fileName: this.fileName, column, dayFirstRow: dmy.row, monthFirstRow: mdy.row },
      );
    }
    let dateOrder: ValidatedRows['dateOrder'] =
      this.mapping.dateFormat === 'auto'
        ? { order: dmy ? 'dmy' : mdy ? 'mdy' : null, source: dmy || mdy ? 'file' : 'none' }
        : { order: this.mapping.dateFormat, source: 'mapping' };
    const defaulted: Record<'dmy' | 'mdy', { row: number; value: string; count: number } | undefined> = {
      dmy: undefined,
      mdy: undefined,
    };
    for (const { record, date, raw } of this.pending) {
      const proved = dmy ? 'dmy' : mdy ? 'mdy' : undefined;
      const order = proved ?? defaultOrder(date.separator);
      record.endDate = resolveAmbiguous(date, order);
      if (proved === undefined) {
        const entry = (defaulted[order] ??= { row: record.rowNumber, value: raw, count: 0 });
        entry.count += 1;
      }
    }
    for (const order of ['mdy', 'dmy'] as const) {
      const entry = defaulted[order];
      if (entry === undefined) continue;
      dateOrder = { order, source: 'default' };
      const [form, other] = order === 'mdy' ? ['MM/DD/YYYY', 'dmy'] : ['DD.MM.YYYY (day first)', 'mdy'];
      this.warnings.push({
        row: entry.row,
        column: this.header('endDate'),
        value: entry.value,
        message:
          `${entry.count} date(s) such as "${entry.value}" could be read day-first or month-first and nothing in the ` +
          `file decides; they were read as ${form}. If that is wrong, set "dateFormat": "${other}" in the mapping.`,
      });
    }
    return {
      rows: this.rowCount,
      valid: this.valid,
      settled: this.pending.map((entry) => entry.record),
      errors: this.errors,
      warnings: this.warnings,
      dateOrder,
    };
  }
}
