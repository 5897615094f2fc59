import type { HrField } from './fields';

/**
 * One row's cells read into fields, before dates and statuses (which need the
 * whole column to be read): every cell is trimmed, an empty one is null, and
 * each is checked against its field's limits. Written out rather than as a
 * schema: a schema parse per row cost about a sixth of a 200,000-row import.
 */
const MAX_TEXT = 256;
const MAX_ID = 64;

/** Lenient on purpose: HR systems hold odd but real addresses. A "mailto:" or "SMTP:" prefix is dropped. */
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const MAIL_PREFIX = /^(mailto|smtp):/i;

export type MappedRow = Record<HrField, string | null>;

/** For each field the index of its column, -1 when it has none. */
export type FieldColumns = Readonly<Record<HrField, number>>;

export interface CellProblem {
  field: HrField;
  message: string;
}

/**
 * Reads rows one after the other; after each read(), `problems` says what is
 * wrong with that row's cells (an invalid cell reads as null), in field order.
 */
export class CellReader {
  problems: CellProblem[] = [];
  private cells: readonly string[] = [];

  constructor(private readonly columns: FieldColumns) {}

  read(cells: readonly string[]): MappedRow {
    this.cells = cells;
    if (this.problems.length > 0) this.problems = [];
    // In field order, so that the problems are too.
    return {
      employeeId: this.text('employeeId', MAX_ID),
      email: this.email('email'),
      firstName: this.text('firstName', MAX_TEXT),
      lastName: this.text('lastName', MAX_TEXT),
      displayName: this.text('displayName', MAX_TEXT),
      username: this.text('username', MAX_TEXT),
      status: this.text('status', MAX_TEXT),
      endDate: this.text('endDate', MAX_TEXT),
      department: this.text('department', MAX_TEXT),
      managerEmail: this.email('managerEmail'),
    };
  }

  /** The cell as written; empty for a field without a column. */
  raw(field: HrField): string {
    const index = this.columns[field];
    return index < 0 ? '' : (this.cells[index] ?? '');
  }

  private text(field: HrField, max: number): string | null {
    const value = this.raw(field).trim();
    if (value.length > max) {
      this.problems.push({ field, message: `longer than ${max} characters` });
      return null;
    }
    return value.length === 0 ? null : value;
  }

  private email(field: HrField): string | null {
    const value = this.raw(field).trim().replace(MAIL_PREFIX, '');
    if (value.length === 0) return null;
    if (value.length > MAX_TEXT || !EMAIL.test(value)) {
      this.problems.push({ field, message: 'not an e-mail address' });
      return null;
    }
    return value;
  }
}
