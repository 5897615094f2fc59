import Database from 'better-sqlite3-multiple-ciphers';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { DEFAULT_BUSY_TIMEOUT_MS, type WardenDatabase } from '../../src/store';
import { migrateSchema } from '../../src/store/migrations';
import { kyselyFor } from '../../src/store/store';

/**
 * The baseline: the same SQLite build, schema, pragmas and Kysely wiring as the
 * store, with no cipher selected and no key, so the only difference a
 * comparison sees is encryption.
 */
export interface PlainDatabase {
  db: Kysely<WardenDatabase>;
  database: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** Mirrors configure() in src/store/open-database.ts; keep the two in step. */
function configure(database: BetterSqlite3.Database): void {
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('temp_store = MEMORY');
  database.pragma(`cache_size = ${-32 * 1024}`);
}

function wrap(database: BetterSqlite3.Database, path: string): PlainDatabase {
  const db = kyselyFor({ database }, path);
  return { db, database, close: () => db.destroy() };
}

export async function createPlainDatabase(path: string): Promise<PlainDatabase> {
  const database = new Database(path, { timeout: DEFAULT_BUSY_TIMEOUT_MS });
  configure(database);
  const plain = wrap(database, path);
  await migrateSchema(plain.db, path);
  return plain;
}

export function openPlainDatabase(path: string): PlainDatabase {
  const database = new Database(path, { fileMustExist: true, timeout: DEFAULT_BUSY_TIMEOUT_MS });
  // The same reads as the store's open: page 1 (where a wrong key would show), then its identity.
  database.prepare('SELECT count(*) FROM sqlite_master').get();
  database.pragma('application_id', { simple: true });
  database.pragma('user_version', { simple: true });
  configure(database);
  return wrap(database, path);
}
