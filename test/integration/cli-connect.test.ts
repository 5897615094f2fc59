import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDc, type TestDc } from '../dc/test-dc';
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
