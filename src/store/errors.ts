import { WardenError, type ErrorDetails } from '../errors';

/**
 * What can go wrong with the local store, in terms an administrator can act on.
 * The codes are stable: the desktop app picks its recovery screen by code.
 */
export type StoreErrorCode =
  /** The key does not decrypt the file: another key, or a file that is not a Warden store at all. */
  | 'WRONG_KEY_OR_NOT_WARDEN'
  /** A plain, unencrypted SQLite database. */
  | 'NOT_ENCRYPTED'
  /** Decrypts with the key but was not made by Warden. */
  | 'NOT_WARDEN'
  /** Made by a Warden whose schema is newer than this build knows. */
  | 'NEWER_SCHEMA'
  /** Truncated, corrupted or otherwise unreadable content. */
  | 'DAMAGED'
  /** Opening a file that does not exist without asking to create it. */
  | 'NOT_FOUND'
  /** Another process holds the file. */
  | 'LOCKED'
  /** The operating system refused to read or write the file. */
  | 'IO_ERROR'
  /** The disk is full. */
  | 'DISK_FULL'
  /** The key given to the store is malformed (not a problem with the file). */
  | 'INVALID_KEY'
  /** The SQLite native module could not be loaded. */
  | 'NATIVE_MODULE'
  /** A schema migration failed; the store was left at its previous version. */
  | 'MIGRATION_FAILED'
  /** The store was used after close(). */
  | 'CLOSED'
  /** A value read from or written to the store does not have the expected shape. */
  | 'INVALID_DATA'
  /** Someone tried to change or remove an audit log entry. */
  | 'AUDIT_APPEND_ONLY'
  | 'DUPLICATE_PROFILE_NAME'
  | 'PROFILE_NOT_FOUND'
  /** Saving a profile's password was asked for without the password (or for another server or account). */
  | 'BIND_PASSWORD_MISSING';

export class StoreError extends WardenError {
  declare readonly code: StoreErrorCode;

  // Not useless: it narrows `code` to the store's codes, which the base class accepts as any string.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: StoreErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

export function storeClosed(path: string): StoreError {
  return new StoreError('CLOSED', 'The store has been closed; open it again to continue.', { path });
}
