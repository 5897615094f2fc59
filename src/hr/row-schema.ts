import { z } from 'zod';
import type { HrField } from './fields';

/**
 * The zod schema of one row's cells once mapped to fields (before dates and
 * statuses, which need the whole column to be read). Every cell is trimmed;
 * an empty cell is null.
 */
const MAX_TEXT = 256;
const MAX_ID = 64;

const blankToNull = (value: string): string | null => (value.length === 0 ? null : value);

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `longer than ${max} characters` })
    .transform(blankToNull);

/** Lenient on purpose: HR systems hold odd but real addresses. A "mailto:" or "SMTP:" prefix is dropped. */
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const email = z
  .string()
  .trim()
  .transform((value) => value.replace(/^(mailto|smtp):/i, ''))
  .refine((value) => value.length === 0 || (value.length <= MAX_TEXT && EMAIL.test(value)), {
    error: 'not an e-mail address',
  })
  .transform(blankToNull);

export const MappedRowSchema = z.object({
  employeeId: text(MAX_ID),
  email,
  firstName: text(MAX_TEXT),
  lastName: text(MAX_TEXT),
  displayName: text(MAX_TEXT),
  username: text(MAX_TEXT),
  status: text(MAX_TEXT),
  endDate: text(MAX_TEXT),
  department: text(MAX_TEXT),
  managerEmail: email,
});

export type MappedRow = z.output<typeof MappedRowSchema>;
export type MappedRowInput = Record<HrField, string>;
