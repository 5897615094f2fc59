import { WardenError, type ErrorDetails } from '../errors';

/**
 * Why an HR file could not be imported at all (a file-level error; a bad row
 * is not one of these, it is listed in the import's errors and skipped).
 * The codes are stable: the app and scripts pick their message by code.
 */
export type HrImportErrorCode =
  /** The path names no file. */
  | 'FILE_NOT_FOUND'
  /** The operating system refused to read it, or it is a directory. */
  | 'FILE_UNREADABLE'
  /** Larger than an HR list can reasonably be (see MAX_FILE_BYTES). */
  | 'FILE_TOO_LARGE'
  /** Zero bytes, or only blank lines. */
  | 'EMPTY_FILE'
  /** A header row but not one person. */
  | 'NO_ROWS'
  /** Rows, but every one invalid: the current list is kept rather than replaced by nothing. */
  | 'NO_VALID_ROWS'
  /** Neither CSV/text nor XLSX: a PDF, an image, an old .xls, a ZIP that is not a workbook… */
  | 'UNSUPPORTED_FORMAT'
  /** Bytes that are not text in any encoding the import reads. */
  | 'NOT_TEXT'
  /** Text that breaks CSV's rules in a way that cannot be read safely (an unclosed quote). */
  | 'MALFORMED_CSV'
  /** A workbook the XLSX reader cannot read. */
  | 'MALFORMED_XLSX'
  /** The sheet asked for is not in the workbook. */
  | 'SHEET_NOT_FOUND'
  /** One cell longer than MAX_FIELD_CHARS: usually a quote that is never closed. */
  | 'FIELD_TOO_LARGE'
  /** More than MAX_ROWS rows. */
  | 'TOO_MANY_ROWS'
  /** No column for an identifier (employee ID or e-mail) or for a name (a name or username). */
  | 'MISSING_COLUMNS'
  /** The mapping names a column the file does not have, or is not a valid mapping. */
  | 'INVALID_MAPPING'
  /** Day-first and month-first dates in the same column. */
  | 'CONFLICTING_DATE_FORMATS';

export class HrImportError extends WardenError {
  declare readonly code: HrImportErrorCode;

  // Not useless: it narrows `code` to the import's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: HrImportErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isHrImportError(error: unknown, code?: HrImportErrorCode): error is HrImportError {
  return error instanceof HrImportError && (code === undefined || error.code === code);
}

/** Excel's own limit on the characters in one cell; a longer CSV field is a broken file. */
export const MAX_FIELD_CHARS = 32_767;
/** Rows one import accepts (the target is 200k; the rest is headroom). */
export const MAX_ROWS = 500_000;
/** Bytes of a file read from disk. The app's limit on bytes it sends is lower (see api/schemas). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
