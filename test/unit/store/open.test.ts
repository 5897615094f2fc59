import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openStore, rekeyStore, WARDEN_APPLICATION_ID, type Store } from '../../../src/store';
import { passphraseKey, rawKey, TEST_SCRYPT, tempStorePath, track } from './helpers';

function firstBytes(path: string, count: number): Buffer {
  const buffer = Buffer.alloc(count);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, count, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

async function pragma(store: Store, name: string): Promise<unknown> {
  const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(store.db);
  return rows[0]?.[name];
}

describe('openStore', () => {
  it('creates a new store only when asked, and says it did', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const created = track(await openStore({ path, key, create: true }));
    expect(created.created).toBe(true);
    expect(created.openedAtVersion).toBe(0);
    expect(created.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await created.close();

    const reopened = track(await openStore({ path, key, create: true }));
    expect(reopened.created).toBe(false);
    expect(reopened.openedAtVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('marks the file as Warden’s and mirrors the schema version in user_version', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    expect(await pragma(store, 'application_id')).toBe(WARDEN_APPLICATION_ID);
    expect(await pragma(store, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(await pragma(store, 'journal_mode')).toBe('wal');
    expect(await pragma(store, 'foreign_keys')).toBe(1);
  });

  it('writes an encrypted file: no SQLite header in clear', async () => {
    const path = tempStorePath();
    const store = await openStore({ path, key: rawKey(), create: true });
    await store.close();
    expect(firstBytes(path, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('reopens a passphrase store, reading the scrypt cost back from the file', async () => {
    const path = tempStorePath();
    const created = await openStore({ path, key: passphraseKey(), create: true });
    expect(created.keyInfo).toEqual({ kind: 'passphrase', kdf: 'scrypt', ...TEST_SCRYPT });
    await created.close();

    // The cost asked for now differs: the file's own cost must win.
    const reopened = track(await openStore({ path, key: { ...passphraseKey(), scrypt: { logN: 12, r: 8, p: 1 } } }));
    expect(reopened.keyInfo).toEqual({ kind: 'passphrase', kdf: 'scrypt', ...TEST_SCRYPT });
    const salt = firstBytes(path, 16);
    expect([...salt.subarray(12)]).toEqual([1, TEST_SCRYPT.logN, TEST_SCRYPT.r, TEST_SCRYPT.p]);
  });

  it('accepts the same passphrase typed in another Unicode normalization form', async () => {
    const path = tempStorePath();
    const composed = 'Ma\u00f1ana es otro d\u00eda';
    await (await openStore({ path, key: passphraseKey(composed), create: true })).close();
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    track(await openStore({ path, key: passphraseKey(decomposed) }));
  });

  it('creates nothing when opening fails', async () => {
    const path = tempStorePath();
    await expect(openStore({ path, key: rawKey() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(path)).toBe(false);
  });

  it('can be closed more than once, and refuses work afterwards', async () => {
    const store = await openStore({ path: tempStorePath(), key: rawKey(), create: true });
    await store.close();
    await store.close();
    await expect(store.profiles.list()).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(store.checkIntegrity()).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(rekeyStore(store, rawKey())).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
