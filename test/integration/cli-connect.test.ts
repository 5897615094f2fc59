import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDc, type TestDc } from '../dc/test-dc';
import { openStore } from '../../src/store';
import { createCertificateAuthority } from '../dc/tls';

const run = promisify(execFile);

let dc: TestDc;
let dir: string;
let caFile: string;

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-'));
  caFile = join(dir, 'corp-ca.pem');
  await writeFile(caFile, dc.caPem);
});

afterAll(async () => {
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the installed `warden` command as a user would, with secrets only in the environment. */
async function warden(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/cli/warden.mjs', ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('warden connect against the domain controller', () => {
  it('binds over LDAPS with the CA verified and reports the domain as JSON', async () => {
    const result = await warden(['connect', '--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', caFile, '--json'], {
      WARDEN_BIND_PASSWORD: dc.adminPassword,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      transport: 'ldaps',
      certificateVerified: true,
      defaultNamingContext: dc.baseDn,
      accountCount: dc.facts.counts.totalAccounts,
    });
  });

  it('works over StartTLS', async () => {
    const result = await warden(
      ['connect', '--url', dc.ldapUrl, '--starttls', '--bind', dc.adminUpn, '--ca', caFile, '--json'],
      { WARDEN_BIND_PASSWORD: dc.adminPassword },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ transport: 'starttls', certificateVerified: true });
  });

  it('exits 1 with a plain-words error when the certificate is not from the given CA', async () => {
    const other = await createCertificateAuthority(join(dir, 'other-ca'), 'Some Other CA');
    const result = await warden(
      ['connect', '--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', other.certPath, '--json'],
      { WARDEN_BIND_PASSWORD: dc.adminPassword },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/certificate/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 and names the cause for a wrong password', async () => {
    const result = await warden(['connect', '--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', caFile], {
      WARDEN_BIND_PASSWORD: 'not the password',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/password|credentials/i);
  });
});

describe('a saved connection profile instead of flags', () => {
  const passphrase = 'correct horse battery staple';

  it('connects and scans as the profile says, and the snapshot belongs to it', async () => {
    const db = join(dir, 'profiles.db');
    const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase }, create: true });
    const profile = await store.profiles.save({
      name: 'Corp DC',
      host: dc.ip,
      caPem: dc.caPem,
      bindName: dc.adminUpn,
    });
    await store.close();
    const env = { WARDEN_BIND_PASSWORD: dc.adminPassword, WARDEN_DB_PASSPHRASE: passphrase };

    const connect = await warden(['connect', '--profile', 'Corp DC', '--db', db, '--json'], env);
    expect(connect.stderr).toBe('');
    expect(JSON.parse(connect.stdout)).toMatchObject({ certificateVerified: true, defaultNamingContext: dc.baseDn });

    // Names are matched as AD matches names: without regard to case.
    const scan = await warden(['scan', '--profile', 'corp dc', '--db', db, '--json'], env);
    expect(scan.stderr).toBe('');
    const summary = JSON.parse(scan.stdout) as { snapshotId: string; accounts: number };
    expect(summary.accounts).toBe(dc.facts.counts.totalAccounts);
    const reopened = await openStore({ path: db, key: { kind: 'passphrase', passphrase } });
    try {
      expect(await reopened.snapshots.latestComplete(profile.id)).toMatchObject({ id: summary.snapshotId });
    } finally {
      await reopened.close();
    }

    // --incremental reads only the changes since that snapshot, and says so in the same JSON.
    const again = await warden(['scan', '--profile', 'Corp DC', '--db', db, '--incremental', '--json'], env);
    expect(again.stderr).toBe('');
    const incremental = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(Object.keys(incremental).slice(0, 5)).toEqual([
      'snapshotId',
      'accounts',
      'groups',
      'durationMs',
      'incremental',
    ]);
    expect(incremental).toMatchObject({
      incremental: true,
      accounts: summary.accounts,
      baseSnapshotId: summary.snapshotId,
      changes: { deletionCheck: 'tombstones' },
    });
    const fromFile = await warden(['scan', '--demo', '--db', db, '--incremental'], env);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain('a file is always read whole');

    const unknown = await warden(['connect', '--profile', 'Nope', '--db', db], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[PROFILE_NOT_FOUND]');
    expect(unknown.stderr).toContain('Corp DC');

    const mixed = await warden(['scan', '--profile', 'Corp DC', '--url', dc.ldapsUrl, '--db', db], env);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('drop --url');
  });
});
