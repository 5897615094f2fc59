import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-harness';

const env = { WARDEN_DB_PASSPHRASE: 'correct horse battery staple', WARDEN_BIND_PASSWORD: 'secret' };

let dir: string;
let db: string;
let port: number;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-lastlogon-'));
  db = join(dir, 'warden.db');
  port = await closedPort();
  const scan = await runCli(['scan', '--demo', '--db', db], env);
  expect(scan.code).toBe(0);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const connection = (): string[] => ['--url', `ldaps://127.0.0.1:${port}`, '--bind', 'svc-warden@corp.example'];

describe('warden lastlogon', () => {
  it('is listed by warden --help', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/lastlogon\s+Ask every domain controller/);
  });

  it('needs at least one account', async () => {
    const result = await runCli(['lastlogon', ...connection(), '--db', db], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('name at least one account');
  });

  it('refuses a --dc that is not HOST or HOST:PORT', async () => {
    const result = await runCli(['lastlogon', 'someone', ...connection(), '--dc', 'dc1:notaport', '--db', db], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--dc "dc1:notaport"');
  });

  it('names an account the snapshot does not know', async () => {
    const result = await runCli(['lastlogon', 'nobody-here', ...connection(), '--dc', '127.0.0.1', '--db', db], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[ACCOUNT_NOT_FOUND]');
    expect(result.stderr).toContain('"nobody-here"');
  });

  it('lists a DC that cannot be reached with the reason, and fails when none answered', async () => {
    const json = await runCli(
      ['lastlogon', 'administrator', ...connection(), '--dc', `127.0.0.1:${port}`, '--db', db, '--json'],
      env,
    );
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      dcsAsked: number;
      dcsAnswered: number;
      accounts: { samAccountName: string; exact: boolean; perDc: { errorCode?: string }[] }[];
    };
    expect(report).toMatchObject({ dcsAsked: 1, dcsAnswered: 0 });
    expect(report.accounts).toEqual([
      expect.objectContaining({
        samAccountName: expect.stringMatching(/^administrator$/i),
        exact: false,
        perDc: [expect.objectContaining({ errorCode: 'UNREACHABLE' })],
      }),
    ]);

    const text = await runCli(
      ['lastlogon', 'administrator', ...connection(), '--dc', `127.0.0.1:${port}`, '--db', db],
      env,
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('0 of 1 domain controllers answered');
    expect(text.stdout).toContain(`127.0.0.1:${port}`);
    expect(text.stdout).toContain(`127.0.0.1:${port}: Cannot reach 127.0.0.1:${port}`);
    expect(text.stdout).toMatch(/lastLogonTimestamp\s+not read/);
    expect(text.stdout).toContain('not exact: 0 of 1 DCs answered');
    expect(text.stdout).toMatch(/verdict now\s+/);
  });
});
