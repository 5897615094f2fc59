import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StoreError } from './errors';
import { damaged } from './sqlite-errors';

/** SQLCipher 4's page size: an intact store is never shorter than one page. */
export const PAGE_BYTES = 4096;

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type StoreFileState = { exists: false } | { exists: true; size: number; header: Buffer };

/** What can be learned about the file before any key is tried. */
export function inspectStoreFile(path: string): StoreFileState {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw new StoreError('IO_ERROR', `The store path is not a regular file: ${path}`, { path });
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false };
    throw ioError(path, error);
  }
  const header = Buffer.alloc(Math.min(size, PLAIN_SQLITE_HEADER.length));
  if (header.length > 0) {
    try {
      const fd = openSync(path, 'r');
      try {
        readSync(fd, header, 0, header.length, 0);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw ioError(path, error);
    }
  }
  return { exists: true, size, header };
}

/** Refuses files that no key could open, with the reason they cannot be a store. */
export function assertOpenableStoreFile(path: string, file: { size: number; header: Buffer }): void {
  if (file.size === 0) {
    throw damaged(path, 'the file is empty: it was never completely created, or it was truncated');
  }
  if (file.header.equals(PLAIN_SQLITE_HEADER)) {
    throw new StoreError(
      'NOT_ENCRYPTED',
      'This is an unencrypted SQLite database, not a Warden store. Warden stores are always encrypted.',
      { path },
    );
  }
  if (file.size < PAGE_BYTES) {
    throw damaged(
      path,
      `the file is only ${file.size} bytes long, shorter than any store; it was truncated or is not a Warden store`,
    );
  }
}

export function missingStoreFile(path: string): StoreError {
  return new StoreError('NOT_FOUND', `There is no Warden store at ${path}.`, { path });
}

function ioError(path: string, error: unknown): StoreError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreError('IO_ERROR', `The store file could not be read (${reason}).`, { path }, { cause: error });
}
