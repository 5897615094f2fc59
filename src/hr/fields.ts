import { z } from 'zod';

/**
 * The fields an HR employee list can feed, the normalized employment statuses
 * and the column mapping: the vocabulary shared by the import (src/hr), the
 * store (repositories/hr.ts) and the reconciliation that reads the list.
 */
export const HR_FIELDS = [
  'employeeId',
  'email',
  'firstName',
  'lastName',
  'displayName',
  'username',
  'status',
  'endDate',
  'department',
  'managerEmail',
] as const;

export type HrField = (typeof HR_FIELDS)[number];

/**
 * An employment status, normalized from whatever the file wrote (the original
 * stays in rawStatus):
 * - `active`: employed and working (also probation, contractor "current"…);
 * - `leave`: employed but absent (leave of absence, parental leave, sabbatical…);
 * - `inactive`: not working but not recorded as gone (inactive, suspended…);
 * - `terminated`: gone (terminated, left, resigned, retired, ex-employee…);
 * - `unknown`: a status the import does not recognize (reported as a warning).
 * A record without any status (no column, or an empty cell) has status null.
 */
export const HR_STATUSES = ['active', 'leave', 'inactive', 'terminated', 'unknown'] as const;
export type HrStatus = (typeof HR_STATUSES)[number];

/**
 * How to read a date written with the day and month as numbers (03/04/2025):
 * - `auto` (the default): from the file itself. A value whose first part is
 *   above 12 proves day-first, one whose second part is above 12 proves
 *   month-first, and a file proving both is refused. When nothing in the file
 *   decides, slash dates are read month-first (MM/DD/YYYY, as US Excel writes
 *   them) and dot dates day-first (DD.MM.YYYY), and the import says so in a
 *   warning.
 * - `mdy` / `dmy`: always month-first / day-first; a value that cannot be read
 *   that way is a row error.
 * - `ymd`: only ISO-like year-first dates are accepted.
 * ISO dates (2025-04-03, with or without a time) and Excel serial numbers are
 * read whatever the setting.
 */
export const DATE_FORMATS = ['auto', 'mdy', 'dmy', 'ymd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const columnName = z.string().trim().min(1).max(1_000).nullable().optional();

/**
 * Which column (by its header text) feeds which field. A field left out is
 * auto-detected from the headers; a field set to null is deliberately not
 * read even when a header looks like it. The same JSON is what
 * `warden hr import --mapping FILE` reads, what the app sends, and what is
 * saved per source file name.
 */
export const HrMappingSchema = z
  .object({
    employeeId: columnName,
    email: columnName,
    firstName: columnName,
    lastName: columnName,
    displayName: columnName,
    username: columnName,
    status: columnName,
    endDate: columnName,
    department: columnName,
    managerEmail: columnName,
    dateFormat: z.enum(DATE_FORMATS).optional(),
  })
  .strict();

export type HrMapping = z.infer<typeof HrMappingSchema>;

/** One person as the import stores it. Empty cells are null; every text is trimmed. */
export interface HrRecordInput {
  /** The row in the file as a spreadsheet shows it: the header is row 1, the first person row 2. */
  rowNumber: number;
  employeeId: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  username: string | null;
  status: HrStatus | null;
  rawStatus: string | null;
  /** ISO date, YYYY-MM-DD. */
  endDate: string | null;
  department: string | null;
  managerEmail: string | null;
}

export type HrRecord = HrRecordInput;
