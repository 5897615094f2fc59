import { StoreError } from './errors';

/** The extended result code better-sqlite3 puts on its errors, e.g. SQLITE_CORRUPT_INDEX. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function hasPrefix(code: string, primary: string): boolean {
  return code === primary || code.startsWith(`${primary}_`);
}

export function damaged(path: string, reason: string, cause?: unknown): StoreError {
  return new StoreError(
    'DAMAGED',
    `The store file is damaged (${reason}); restore it from a backup.`,
    { path, reason },
    { cause },
  );
}

export function locked(path: string, cause?: unknown): StoreError {
  return new StoreError(
    'LOCKED',
    'The store is in use by another Warden window or process and stayed busy; close it and try again.',
    { path },
    { cause },
  );
}

/**
 * Turns the errors that mean "something is wrong with the file or the machine"
 * into StoreErrors. Anything else (constraint violations, mistakes in a query)
 * is returned unchanged for the caller to interpret.
 *
 * Only call this once the key is known to be right: after that point a page
 * that fails to decrypt can only be damage, never a wrong key.
 */
export function translateSqliteError(error: unknown, path: string): unknown {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (hasPrefix(code, 'SQLITE_CORRUPT') || hasPrefix(code, 'SQLITE_NOTADB')) {
    return damaged(path, message, error);
  }
  if (hasPrefix(code, 'SQLITE_BUSY') || hasPrefix(code, 'SQLITE_LOCKED')) return locked(path, error);
  if (hasPrefix(code, 'SQLITE_FULL')) {
    return new StoreError(
      'DISK_FULL',
      'The disk holding the store is full; free some space and try again.',
      { path },
      {
        cause: error,
      },
    );
  }
  if (
    hasPrefix(code, 'SQLITE_IOERR') ||
    hasPrefix(code, 'SQLITE_CANTOPEN') ||
    hasPrefix(code, 'SQLITE_READONLY') ||
    hasPrefix(code, 'SQLITE_PERM')
  ) {
    return new StoreError(
      'IO_ERROR',
      `The store file could not be read or written (${message}); check that the disk is available and that you may write to the file.`,
      { path, sqliteCode: code },
      { cause: error },
    );
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && message.includes('append-only')) {
    return new StoreError(
      'AUDIT_APPEND_ONLY',
      'Audit log entries can be added but never changed or removed.',
      { path },
      {
        cause: error,
      },
    );
  }
  return error;
}
