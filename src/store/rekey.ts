import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyRekey, keyForNewSalt } from './cipher-key';
import { StoreError, storeClosed } from './errors';
import { assertUsableKey, type StoreKey } from './keys';
import { translateSqliteError } from './sqlite-errors';
import { storeHandle } from './store-handles';
import type { Store } from './store';

/**
 * Re-encrypts every page under a new key and a new salt (for a passphrase, the
 * new salt also records the current scrypt cost, which is how that cost is
 * raised for existing stores). Data is untouched.
 *
 * SQLite3MultipleCiphers cannot re-key in WAL mode, so the store leaves WAL
 * for the duration; that needs every other connection to the file closed, or
 * the call fails with LOCKED and nothing changes. The re-encryption is one
 * transaction under a rollback journal; take a backup first all the same, as
 * an interruption (power loss) mid-way is the one moment two keys are in play.
 */
export async function rekeyStore(store: Store, newKey: StoreKey): Promise<void> {
  const handle = storeHandle(store);
  if (handle === undefined) throw new TypeError('rekeyStore needs a store returned by openStore');
  assertUsableKey(newKey);
  const cipherKey = await keyForNewSalt(newKey);
  const { database, path } = handle;
  try {
    // Holding Kysely's only connection keeps every other query of this store out until re-keying is over.
    await store.db.connection().execute(async () => {
      if (!database.open) throw storeClosed(path);
      try {
        database.pragma('wal_checkpoint(TRUNCATE)');
        leaveWal(database, path);
        try {
          applyRekey(database, cipherKey);
        } finally {
          database.pragma('journal_mode = WAL');
        }
      } catch (error) {
        throw translateSqliteError(error, path);
      }
    });
  } finally {
    cipherKey.key.fill(0);
  }
  handle.keyInfo = cipherKey.info;
}

function leaveWal(database: BetterSqlite3.Database, path: string): void {
  const mode = database.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') {
    throw new StoreError(
      'LOCKED',
      'The store cannot be re-keyed while another Warden window or process has it open; close it and try again.',
      { path },
    );
  }
}
