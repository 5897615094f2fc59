import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { generateDataKey, openStore, type RawStoreKey, type WardenDatabase } from '../../src/store';
import { checkIntegrity } from '../../src/store/open-database';
import { createPlainDatabase, openPlainDatabase } from './plain-database';

export interface OpenedSide {
  db: Kysely<WardenDatabase>;
  close(): Promise<void>;
}

/** One of the two databases compared: Warden's encrypted store, or its plain SQLite baseline. */
export interface StoreSide {
  label: 'encrypted' | 'plain';
  path: string;
  /** Deletes any earlier file and creates an empty database at the latest schema. */
  create(): Promise<OpenedSide>;
  open(options: { integrityCheck: boolean }): Promise<OpenedSide>;
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * A raw key, as the desktop app uses with the OS keystore: a passphrase would
 * add one scrypt derivation to every open, which is measured on its own.
 */
export function encryptedSide(dir: string): StoreSide {
  const path = join(dir, 'encrypted.db');
  const key: RawStoreKey = { kind: 'raw', key: generateDataKey() };
  return {
    label: 'encrypted',
    path,
    create() {
      removeDatabase(path);
      return openStore({ path, key, create: true });
    },
    open({ integrityCheck }) {
      return openStore({ path, key, integrityCheck });
    },
  };
}

export function plainSide(dir: string): StoreSide {
  const path = join(dir, 'plain.db');
  return {
    label: 'plain',
    path,
    create() {
      removeDatabase(path);
      return createPlainDatabase(path);
    },
    async open({ integrityCheck }) {
      const plain = openPlainDatabase(path);
      if (integrityCheck) checkIntegrity(plain.database, path);
      return plain;
    },
  };
}
