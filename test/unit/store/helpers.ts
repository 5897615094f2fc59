import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, expect } from 'vitest';
import { generateDataKey, StoreError, type PassphraseStoreKey, type RawStoreKey, type Store } from '../../../src/store';

/** Tests derive with a tiny scrypt cost, always by saying so; the default stays strong. */
export const TEST_SCRYPT = { logN: 10, r: 8, p: 1 } as const;

export function passphraseKey(passphrase = 'correct horse battery staple'): PassphraseStoreKey {
  return { kind: 'passphrase', passphrase, scrypt: TEST_SCRYPT };
}

export function rawKey(key: Buffer = generateDataKey()): RawStoreKey {
  return { kind: 'raw', key };
}

const directories: string[] = [];
const openStores: Store[] = [];

/** A fresh directory per call, removed after the test with every store opened through track(). */
export function tempStorePath(name = 'warden.db'): string {
  const directory = mkdtempSync(join(tmpdir(), 'warden-store-test-'));
  directories.push(directory);
  return join(directory, name);
}

export function track(store: Store): Store {
  openStores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** Every file SQLite may have written for the database at `path`: the file, -wal, -shm, -journal. */
export function storeFiles(path: string): string[] {
  const prefix = basename(path);
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dirname(path), name));
}

/** The markers found in clear (UTF-8 or UTF-16) in any of the store's files, as "file: marker". */
export function plaintextHits(path: string, markers: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of storeFiles(path)) {
    const bytes = readFileSync(file);
    for (const marker of markers) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(marker, encoding))) hits.push(`${basename(file)}: ${marker} (${encoding})`);
      }
    }
  }
  return hits;
}

/** An encrypted SQLite file made without Warden: same cipher and key, but none of Warden's marks. */
export function foreignEncryptedFile(path: string, key: Buffer, applicationId: number): void {
  const database = new Database(path);
  database.pragma("cipher = 'sqlcipher'");
  database.pragma('legacy = 4');
  database.pragma(`key = "x'${key.toString('hex')}'"`);
  database.pragma(`application_id = ${applicationId}`);
  database.exec('CREATE TABLE notes (body TEXT)');
  database.close();
}

export function plainSqliteFile(path: string, rows: readonly string[] = []): void {
  const database = new Database(path);
  database.exec('CREATE TABLE notes (body TEXT)');
  const insert = database.prepare('INSERT INTO notes (body) VALUES (?)');
  for (const row of rows) insert.run(row);
  database.close();
}

export function randomFile(path: string, bytes: number): void {
  writeFileSync(path, randomBytes(bytes));
}

/** Awaits `promise` and checks it fails with a StoreError of `code`; returns the error for further checks. */
export async function expectStoreError(promise: Promise<unknown>, code: string): Promise<StoreError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, `expected a StoreError ${code}`).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}
