import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a brand new passphrase for the store';

let dir: string;
let db: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-store-'));
  db = join(dir, 'warden.db');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('warden store', () => {
  it('creates an encrypted store, checks it, and refuses to overwrite it', async () => {
    const init = await runCli(['store', 'init', '--db', db, '--json'], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ path: db, key: { kind: 'passphrase', kdf: 'scrypt' } });
    expect((await readFile(db)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const check = await runCli(['store', 'check', '--db', db, '--json'], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ integrity: 'ok' });

    const again = await runCli(['store', 'init', '--db', db], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses a short passphrase for a new store', async () => {
    const result = await runCli(['store', 'init', '--db', db], { WARDEN_DB_PASSPHRASE: 'short' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('passphrase must be at least 12 characters');
  });

  it('re-keys: the old passphrase stops working and the new one opens the store', async () => {
    await runCli(['store', 'init', '--db', db], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    const rekey = await runCli(['store', 'rekey', '--db', db], {
      WARDEN_DB_PASSPHRASE: PASSPHRASE,
      WARDEN_NEW_DB_PASSPHRASE: NEW_PASSPHRASE,
    });
    expect(rekey.stderr).toBe('');
    expect(rekey.code).toBe(0);

    const old = await runCli(['store', 'check', '--db', db], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('[WRONG_KEY_OR_NOT_WARDEN]');
    const fresh = await runCli(['store', 'check', '--db', db], { WARDEN_DB_PASSPHRASE: NEW_PASSPHRASE });
    expect(fresh.code).toBe(0);
  });

  it('names the problem with a file that is not a Warden store', async () => {
    await writeFile(db, Buffer.alloc(8192, 7));
    const result = await runCli(['store', 'check', '--db', db], { WARDEN_DB_PASSPHRASE: PASSPHRASE });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[WRONG_KEY_OR_NOT_WARDEN]');
    expect(result.stderr).toContain(db);
    const missing = await runCli(['store', 'check', '--db', join(dir, 'nope.db')], {
      WARDEN_DB_PASSPHRASE: PASSPHRASE,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[NOT_FOUND]');
  });
});
