import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store';
import { startTestDc, type TestDc } from '../dc/test-dc';

const run = promisify(execFile);
const passphrase = 'correct horse battery staple';

let dc: TestDc;
let dir: string;
let db: string;

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-saved-'));
  db = join(dir, 'profiles.db');
  const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase }, create: true });
  try {
    const saved = { caPem: dc.caPem, bindName: dc.adminUpn, savePassword: true, password: dc.adminPassword };
    await store.profiles.save({ name: 'Saved', host: dc.ip, ...saved });
    await store.profiles.save({ name: 'Plain', host: dc.ip, transport: 'ldap', allowPlainLdap: true, ...saved });
    await store.profiles.save({ name: 'Unsaved', host: dc.ip, caPem: dc.caPem, bindName: dc.adminUpn });
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The installed command, not on a terminal, with only the environment given here. */
async function warden(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/warden.mjs', ...args], {
      env: { PATH: process.env['PATH'] ?? '', WARDEN_DB_PASSPHRASE: passphrase, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('warden connect --profile with a saved password', () => {
  it('binds with the saved password when WARDEN_BIND_PASSWORD is unset', async () => {
    const connect = await warden(['connect', '--profile', 'saved', '--db', db, '--json']);
    expect(connect.stderr).toBe('');
    expect(connect.code).toBe(0);
    expect(JSON.parse(connect.stdout)).toMatchObject({ certificateVerified: true, defaultNamingContext: dc.baseDn });
  });

  it('prefers WARDEN_BIND_PASSWORD when it is set', async () => {
    const connect = await warden(['connect', '--profile', 'Saved', '--db', db], { WARDEN_BIND_PASSWORD: 'wrong' });
    expect(connect.code).toBe(1);
    expect(connect.stderr).toContain('[INVALID_CREDENTIALS]');
  });

  it('asks for the password when the profile has none saved', async () => {
    const connect = await warden(['connect', '--profile', 'Unsaved', '--db', db]);
    expect(connect.code).toBe(1);
    expect(connect.stderr).toContain('[SECRET_MISSING]');
  });
});

describe('warden connect over plain LDAP', () => {
  it('needs --confirm-plain-text-password besides --allow-plain-ldap, and says so', async () => {
    const flags = ['connect', '--url', dc.ldapUrl, '--bind', dc.adminUpn, '--allow-plain-ldap', '--json'];
    const env = { WARDEN_BIND_PASSWORD: dc.adminPassword };
    const unconfirmed = await warden(flags, env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('clear text');
    expect(unconfirmed.stderr).toContain('--confirm-plain-text-password');

    const confirmed = await warden([...flags, '--confirm-plain-text-password'], env);
    expect(confirmed.stderr).toBe('');
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ transport: 'ldap', certificateVerified: false });
  });

  it('needs the confirmation for a saved plain-LDAP profile too, each run', async () => {
    const unconfirmed = await warden(['connect', '--profile', 'Plain', '--db', db]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--confirm-plain-text-password');

    const confirmed = await warden([
      'connect',
      '--profile',
      'Plain',
      '--db',
      db,
      '--confirm-plain-text-password',
      '--json',
    ]);
    expect(confirmed.stderr).toBe('');
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ transport: 'ldap', defaultNamingContext: dc.baseDn });
  });
});
