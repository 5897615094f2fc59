import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors';
import { applyKey, keyForExistingFile, keyForNewSalt, selectCipher, wrongKey, type CipherKey } from './cipher-key';
import { assertUsableKey, type StoreKey, type StoreKeyInfo } from './keys';
import { LATEST_SCHEMA_VERSION, WARDEN_APPLICATION_ID } from './migrations';
import { damaged, sqliteCode, translateSqliteError } from './sqlite-errors';
import { assertOpenableStoreFile, inspectStoreFile, missingStoreFile, PAGE_BYTES } from './store-file';

export interface OpenDatabaseOptions {
  path: string;
  key: StoreKey;
  create: boolean;
  nativeBinding: string | undefined;
  busyTimeoutMs: number;
  integrityCheck: boolean;
}

export interface OpenedDatabase {
  database: BetterSqlite3.Database;
  created: boolean;
  keyInfo: StoreKeyInfo;
  /** The schema version found in the file, before any migration. */
  schemaVersion: number;
}

/**
 * Opens and unlocks the file, and proves it is a Warden store this build can
 * use, before anything else touches it. Every refusal is a StoreError and
 * leaves no handle open.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { path } = options;
  assertUsableKey(options.key);
  const file = inspectStoreFile(path);
  // An empty file is what a creation interrupted before its first write leaves behind.
  const creating = !file.exists || (options.create && file.size === 0);
  if (!file.exists && !options.create) throw missingStoreFile(path);
  if (file.exists && !creating) assertOpenableStoreFile(path, file);

  const cipherKey = creating
    ? await keyForNewSalt(options.key)
    : await keyForExistingFile(options.key, file.exists ? file.header : Buffer.alloc(0), path);

  const database = constructDatabase(options, creating);
  try {
    unlock(database, cipherKey, path, creating);
    const schemaVersion = creating ? initialise(database) : checkIdentity(database, path);
    configure(database, path);
    if (file.exists && !creating) checkLength(database, path, file.size);
    if (options.integrityCheck && !creating) checkIntegrity(database, path);
    return { database, created: creating, keyInfo: cipherKey.info, schemaVersion };
  } catch (error) {
    database.close();
    throw translateSqliteError(error, path);
  } finally {
    cipherKey.key.fill(0);
  }
}

function constructDatabase(options: OpenDatabaseOptions, creating: boolean): BetterSqlite3.Database {
  try {
    return new Database(options.path, {
      fileMustExist: !creating,
      timeout: options.busyTimeoutMs,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    if (sqliteCode(error) !== undefined) throw translateSqliteError(error, options.path);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'NATIVE_MODULE',
      `The SQLite module Warden needs could not be loaded (${reason}); reinstall Warden.`,
      { path: options.path, nativeBinding: options.nativeBinding ?? null },
      { cause: error },
    );
  }
}

function unlock(database: BetterSqlite3.Database, cipherKey: CipherKey, path: string, creating: boolean): void {
  selectCipher(database);
  applyKey(database, cipherKey);
  if (creating) return;
  // The first read of page 1 is where a wrong key shows: SQLCipher's HMAC over it fails.
  try {
    database.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw wrongKey(path);
    throw error;
  }
}

/** Marks a new file as Warden's with its very first write, so no other state is ever observable. */
function initialise(database: BetterSqlite3.Database): number {
  database.pragma(`application_id = ${WARDEN_APPLICATION_ID}`);
  return 0;
}

function checkIdentity(database: BetterSqlite3.Database, path: string): number {
  const applicationId = database.pragma('application_id', { simple: true });
  if (applicationId !== WARDEN_APPLICATION_ID) {
    throw new StoreError(
      'NOT_WARDEN',
      'The file decrypts with this key but is not a Warden store (another application made it).',
      { path, applicationId: typeof applicationId === 'number' ? applicationId : null },
    );
  }
  const version = database.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw damaged(path, 'the schema version cannot be read');
  if (version > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'NEWER_SCHEMA',
      `The store was made by a newer Warden (schema version ${version}; this build knows up to ${LATEST_SCHEMA_VERSION}). Update Warden to open it.`,
      { path, schemaVersion: version, supportedVersion: LATEST_SCHEMA_VERSION },
    );
  }
  return version;
}

function configure(database: BetterSqlite3.Database, path: string): void {
  // WAL lets the UI read while a scan writes; FULL makes each commit (an audit entry) survive a power cut.
  const mode = database.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new StoreError('LOCKED', 'The store is held in exclusive mode by another process; close it and try again.', {
      path,
      journalMode: String(mode),
    });
  }
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // SQLite's temporary files (big sorts, statement journals) are not encrypted: keep them in memory.
  database.pragma('temp_store = MEMORY');
  // Up to 32 MiB of decrypted pages: writing a 100k-account snapshot with the default 8 MiB is about 3x slower.
  database.pragma(`cache_size = ${-32 * 1024}`);
  // Copy the WAL into the database every 10,000 pages (40 MiB) instead of every 1,000: a scan's commits
  // rewrite the same index pages, and copying them after every commit was half of the time commits took.
  database.pragma('wal_autocheckpoint = 10000');
}

/**
 * A cheap test for truncation, which quick_check would find only by reading
 * everything: the file must hold whole pages, and (unless pages are still
 * waiting in the WAL) as many as page 1 says the database has.
 */
function checkLength(database: BetterSqlite3.Database, path: string, fileBytes: number): void {
  if (fileBytes % PAGE_BYTES !== 0) {
    throw damaged(path, `the file ends in the middle of a page after ${fileBytes} bytes: it was truncated`);
  }
  const pages = database.pragma('page_count', { simple: true });
  if (typeof pages === 'number' && pages * PAGE_BYTES > fileBytes && fileSize(`${path}-wal`) === 0) {
    throw damaged(path, `the file holds ${fileBytes / PAGE_BYTES} of its ${pages} pages: it was truncated`);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Reads every page once: damage anywhere surfaces now, as DAMAGED, rather than in the middle of a task. */
export function checkIntegrity(database: BetterSqlite3.Database, path: string): void {
  const rows = database.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((message) => message !== 'ok');
  if (problems.length > 0) {
    const first = problems[0] ?? 'unknown problem';
    throw damaged(path, problems.length > 1 ? `${first}; and ${problems.length - 1} more problems` : first);
  }
}
