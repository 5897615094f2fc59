import { WardenError } from '../../errors';

/**
 * Why an LDIF file cannot be read, in terms a reviewer can act on. Every
 * error names the file (when there is one) and the physical line, counted
 * from 1 as an editor shows it.
 */
export type LdifErrorCode =
  /** No file at that path. */
  | 'LDIF_NOT_FOUND'
  /** The file exists but cannot be read (a folder, no permission). */
  | 'LDIF_READ_FAILED'
  /** Nothing but blank lines and comments. */
  | 'LDIF_EMPTY'
  /** Binary data, or text whose first line is neither `version:` nor `dn:`. */
  | 'LDIF_NOT_LDIF'
  /** Only a `version:` line: no entry at all. */
  | 'LDIF_NO_ENTRIES'
  | 'LDIF_UNSUPPORTED_VERSION'
  /** A record that does not start with `dn:`. */
  | 'LDIF_MISSING_DN'
  /** A line that is not `name: value`, `name:: base64` or a continuation. */
  | 'LDIF_SYNTAX'
  /** Bytes that are not UTF-8 where text is expected. */
  | 'LDIF_ENCODING'
  | 'LDIF_BAD_BASE64'
  /** modify, delete, modrdn/moddn: a change file, not an export. */
  | 'LDIF_UNSUPPORTED_CHANGETYPE'
  /** Plain ldapsearch output whose search ended in an error (`result: 4 Size limit exceeded`): entries are missing. */
  | 'LDIF_INCOMPLETE'
  /** `attr:< file://…`: the value lives elsewhere, and reading it would reach outside the file under review. */
  | 'LDIF_URL_VALUE'
  /** Stopped through the AbortSignal; the code the app uses for every cancelled task. */
  | 'CANCELLED';

export interface LdifErrorDetails {
  path?: string;
  line?: number;
  attribute?: string;
}

export class LdifError extends WardenError {
  declare readonly code: LdifErrorCode;

  constructor(code: LdifErrorCode, message: string, details: LdifErrorDetails = {}, options?: { cause?: unknown }) {
    const clean: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(details)) if (value !== undefined) clean[key] = value;
    super(code, message, clean, options);
  }
}

export function isLdifError(error: unknown, code?: LdifErrorCode): error is LdifError {
  return error instanceof LdifError && (code === undefined || error.code === code);
}

/** Where a message points: "corp.ldif line 12", or "line 12" for text without a file. */
export function where(path: string | undefined, line: number): string {
  return path === undefined ? `line ${line}` : `${path} line ${line}`;
}
