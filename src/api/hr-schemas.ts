import { z } from 'zod';
import { HrMappingSchema } from '../hr/fields';
import { MAX_PREVIEW_ROWS } from '../hr/preview';
import { SerializedErrorSchema } from './schemas';

/**
 * The contract's shapes for importing an HR employee list from the app.
 *
 * The renderer is sandboxed and cannot hand the core a path, so the file it
 * picked crosses IPC as its bytes (a Uint8Array, which Electron's structured
 * clone carries as is) with its name. A list of 200k people is about 30 MB as
 * CSV and less as XLSX; anything above MAX_HR_FILE_BYTES is refused before the
 * core reads it (the CLI, which reads from disk, has a larger limit).
 */
export const MAX_HR_FILE_BYTES = 64 * 1024 * 1024;

export const HrFileBytesSchema = z
  .instanceof(Uint8Array, { error: 'bytes must be the file content as a Uint8Array' })
  .refine((bytes) => bytes.byteLength <= MAX_HR_FILE_BYTES, {
    error: `the file is larger than ${MAX_HR_FILE_BYTES / 1024 / 1024} MB; import it with "warden hr import"`,
  });

const HrFileNameSchema = z.string().trim().min(1, 'fileName is required').max(255);

const HrFileInputSchema = z.object({
  /** The name of the file picked, without directories: what the mapping is saved under. */
  fileName: HrFileNameSchema,
  bytes: HrFileBytesSchema,
  /** XLSX: the sheet to read; the first by default. */
  sheet: z.string().trim().min(1).max(255).optional(),
  /** Overrides the saved and detected columns, field by field (null: do not read). */
  mapping: HrMappingSchema.optional(),
});

export const PreviewHrFileInputSchema = HrFileInputSchema.extend({
  /** How many data rows to return (20 by default). */
  rows: z.number().int().min(0).max(MAX_PREVIEW_ROWS).optional(),
}).strict();

export const ImportHrFileInputSchema = HrFileInputSchema.extend({
  /** Save the mapping used for this file name (default true). */
  saveMapping: z.boolean().default(true),
}).strict();

const TableRowSchema = z.object({ rowNumber: z.number().int().positive(), cells: z.array(z.string()) }).strict();

export const HrFilePreviewSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheet: z.string().optional(),
    /** XLSX: every sheet of the workbook, in its order. */
    sheets: z.array(z.string()).optional(),
    header: z.array(z.string()),
    headerRow: z.number().int().positive(),
    rows: z.array(TableRowSchema),
    detected: HrMappingSchema,
    saved: HrMappingSchema.nullable(),
    mapping: HrMappingSchema.nullable(),
    /** Why the file cannot be imported with this mapping (e.g. MISSING_COLUMNS); null when it can. */
    problem: SerializedErrorSchema.nullable(),
  })
  .strict();

export const HrRowIssueSchema = z
  .object({
    row: z.number().int().positive(),
    column: z.string().nullable(),
    value: z.string().nullable(),
    message: z.string(),
    otherRow: z.number().int().positive().optional(),
  })
  .strict();

export const HrImportResultSchema = z
  .object({
    rows: z.number().int().nonnegative(),
    imported: z.number().int().nonnegative(),
    errors: z.array(HrRowIssueSchema),
    errorCount: z.number().int().nonnegative(),
    warnings: z.array(HrRowIssueSchema),
    warningCount: z.number().int().nonnegative(),
    importId: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    sheet: z.string().optional(),
    mapping: HrMappingSchema,
    dateOrder: z
      .object({
        order: z.enum(['dmy', 'mdy', 'ymd']).nullable(),
        source: z.enum(['mapping', 'file', 'default', 'none']),
      })
      .strict(),
  })
  .strict();
