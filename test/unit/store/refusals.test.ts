import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  generateDataKey,
  LATEST_SCHEMA_VERSION,
  OPEN_SEQ,
  openStore,
  type Store,
  type StoreKey,
} from '../../../src/store';
import {
  expectStoreError,
  foreignEncryptedFile,
  passphraseKey,
  plainSqliteFile,
  randomFile,
  rawKey,
  tempStorePath,
  track,
} from './helpers';

const PAGE = 4096;

interface ManyPageStore {
  path: string;
  /** A page in the middle of the file that holds account rows (not an index), numbered from 1. */
  accountPage: number;
}

/** A store spread over many pages, so that there is a "middle" to damage. */
async function storeWithManyPages(key: StoreKey): Promise<ManyPageStore> {
  const path = tempStorePath();
  const store = await openStore({ path, key, create: true });
  const snapshotId = randomUUID();
  await store.db
    .insertInto('snapshots')
    .values({
      id: snapshotId,
      source_kind: 'demo',
      started_at: '2025-01-01T00:00:00.000Z',
      status: 'complete',
      lineage_id: snapshotId,
    })
    .execute();
  const rows = Array.from({ length: 400 }, (_, index) => ({
    lineage_id: snapshotId,
    first_seq: 1,
    last_seq: OPEN_SEQ,
    object_guid: randomUUID(),
    sam_account_name: `svc-${index}`,
    dn: `CN=svc-${index},OU=Service Accounts,DC=corp,DC=example`,
    object_classes: '["top","user"]',
    description: 'x'.repeat(300),
  }));
  for (let start = 0; start < rows.length; start += 100) {
    await store.db
      .insertInto('account_versions')
      .values(rows.slice(start, start + 100))
      .execute();
  }
  const { rows: leaves } = await sql<{ pageno: number }>`
    SELECT pageno FROM dbstat WHERE name = 'account_versions' AND pagetype = 'leaf' ORDER BY pageno`.execute(store.db);
  await store.close();
  const pageCount = statSync(path).size / PAGE;
  expect(pageCount).toBeGreaterThan(40);
  const accountPage = leaves.map((leaf) => leaf.pageno).find((page) => page >= pageCount / 3);
  if (accountPage === undefined) throw new Error('no account page in the middle of the file');
  return { path, accountPage };
}

function flipByteInPage(path: string, page: number): void {
  const bytes = readFileSync(path);
  const offset = (page - 1) * PAGE + 1000;
  bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  writeFileSync(path, bytes);
}

async function readEverything(store: Store): Promise<void> {
  await store.db.selectFrom('accounts').selectAll().execute();
}

describe('opening something that is not a usable store', () => {
  it('reports a missing file as NOT_FOUND', async () => {
    await expectStoreError(openStore({ path: tempStorePath(), key: rawKey() }), 'NOT_FOUND');
  });

  it('reports a wrong passphrase as WRONG_KEY_OR_NOT_WARDEN, naming both possibilities', async () => {
    const path = tempStorePath();
    await (await openStore({ path, key: passphraseKey('the right one'), create: true })).close();
    const error = await expectStoreError(
      openStore({ path, key: passphraseKey('the wrong one') }),
      'WRONG_KEY_OR_NOT_WARDEN',
    );
    expect(error.message).toMatch(/key or passphrase is wrong/);
    expect(error.message).toMatch(/not a Warden store/);
    expect(error.details).toMatchObject({ path });
  });

  it('reports a wrong raw key as WRONG_KEY_OR_NOT_WARDEN', async () => {
    const path = tempStorePath();
    await (await openStore({ path, key: rawKey(), create: true })).close();
    await expectStoreError(openStore({ path, key: rawKey() }), 'WRONG_KEY_OR_NOT_WARDEN');
  });

  it('reports a raw-key store opened with a passphrase as WRONG_KEY_OR_NOT_WARDEN', async () => {
    const path = tempStorePath();
    await (await openStore({ path, key: rawKey(), create: true })).close();
    await expectStoreError(openStore({ path, key: passphraseKey() }), 'WRONG_KEY_OR_NOT_WARDEN');
  });

  it('reports a plain SQLite file as NOT_ENCRYPTED', async () => {
    const path = tempStorePath();
    plainSqliteFile(path);
    const error = await expectStoreError(openStore({ path, key: rawKey() }), 'NOT_ENCRYPTED');
    expect(error.message).toMatch(/unencrypted SQLite database, not a Warden store/);
  });

  it.each([8 * PAGE, 10_000])('reports %i random bytes as WRONG_KEY_OR_NOT_WARDEN', async (size) => {
    const path = tempStorePath();
    randomFile(path, size);
    await expectStoreError(openStore({ path, key: rawKey() }), 'WRONG_KEY_OR_NOT_WARDEN');
    await expectStoreError(openStore({ path, key: passphraseKey() }), 'WRONG_KEY_OR_NOT_WARDEN');
  });

  it('reports a file encrypted with the right key but made by another application as NOT_WARDEN', async () => {
    const path = tempStorePath();
    const key = generateDataKey();
    foreignEncryptedFile(path, key, 0x12345678);
    await expectStoreError(openStore({ path, key: rawKey(key) }), 'NOT_WARDEN');
    const unmarked = tempStorePath();
    foreignEncryptedFile(unmarked, key, 0);
    await expectStoreError(openStore({ path: unmarked, key: rawKey(key) }), 'NOT_WARDEN');
  });

  it('reports a store from a newer Warden as NEWER_SCHEMA and leaves it untouched', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const store = await openStore({ path, key, create: true });
    await sql.raw(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`).execute(store.db);
    await store.close();
    const error = await expectStoreError(openStore({ path, key }), 'NEWER_SCHEMA');
    expect(error.message).toMatch(/made by a newer Warden/);
    expect(error.details).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION + 1 });
  });

  it('reports an empty file as DAMAGED', async () => {
    const path = tempStorePath();
    writeFileSync(path, '');
    await expectStoreError(openStore({ path, key: rawKey() }), 'DAMAGED');
  });

  it('creates a store over an empty file left by an interrupted creation when asked to create', async () => {
    const path = tempStorePath();
    writeFileSync(path, '');
    const store = track(await openStore({ path, key: rawKey(), create: true }));
    expect(store.created).toBe(true);
  });

  describe.each([
    ['a raw key', (): StoreKey => rawKey(Buffer.alloc(32, 7))],
    ['a passphrase', (): StoreKey => passphraseKey()],
  ])('damage to a store opened with %s', (_label, key) => {
    it.each([
      ['to half its pages', (size: number) => Math.floor(size / PAGE / 2) * PAGE],
      ['in the middle of a page', (size: number) => Math.floor(size / 2) + 7],
      ['by part of its last page', (size: number) => size - 100],
      ['to less than a page', () => 2000],
    ])('reports a file truncated %s as DAMAGED at open', async (_how, length) => {
      const { path } = await storeWithManyPages(key());
      truncateSync(path, length(statSync(path).size));
      const error = await expectStoreError(openStore({ path, key: key() }), 'DAMAGED');
      expect(error.message).toMatch(/the store file is damaged \(.+\); restore it from a backup/i);
    });

    it('reports a flipped byte in a middle page as DAMAGED at open with the integrity check', async () => {
      const { path, accountPage } = await storeWithManyPages(key());
      flipByteInPage(path, accountPage);
      await expectStoreError(openStore({ path, key: key(), integrityCheck: true }), 'DAMAGED');
    });

    it('reports a flipped byte in a middle page as DAMAGED on the first query that reads it', async () => {
      const { path, accountPage } = await storeWithManyPages(key());
      flipByteInPage(path, accountPage);
      const store = track(await openStore({ path, key: key() }));
      await expectStoreError(readEverything(store), 'DAMAGED');
      await expectStoreError(store.checkIntegrity(), 'DAMAGED');
      // The rest of the store stays usable: the damage is confined to what it touches.
      expect(await store.profiles.list()).toEqual([]);
    });
  });

  it('passes the integrity check on an intact store', async () => {
    const { path } = await storeWithManyPages(rawKey(Buffer.alloc(32, 1)));
    const store = track(await openStore({ path, key: rawKey(Buffer.alloc(32, 1)), integrityCheck: true }));
    await store.checkIntegrity();
    await readEverything(store);
  });

  it('refuses malformed keys before touching the file', async () => {
    const path = tempStorePath();
    await expectStoreError(openStore({ path, key: rawKey(Buffer.alloc(16)), create: true }), 'INVALID_KEY');
    await expectStoreError(
      openStore({ path, key: { kind: 'passphrase', passphrase: '' }, create: true }),
      'INVALID_KEY',
    );
    await expectStoreError(
      openStore({ path, key: { kind: 'passphrase', passphrase: 'x', scrypt: { logN: 40, r: 8, p: 1 } }, create: true }),
      'INVALID_KEY',
    );
  });

  it('reports a native module that cannot be loaded as NATIVE_MODULE', async () => {
    await expectStoreError(
      openStore({
        path: tempStorePath(),
        key: rawKey(),
        create: true,
        nativeBinding: '/nonexistent/better_sqlite3.node',
      }),
      'NATIVE_MODULE',
    );
  });
});
