import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGuid, readLastLogon, type LastLogonReport } from '../../src/directory';
import type { BindAccount } from '../dc/bind-accounts';
import { kerberosLogon } from '../dc/kerberos-logon';
import { adminLdapsTarget, startTestDc, type TestDc } from '../dc/test-dc';
import { runCli } from '../unit/cli/cli-harness';

let dc: TestDc;
let dir: string;
/** A loopback port nothing listens on: the second "DC", which cannot be reached. */
let unreachablePort: number;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function logOnAs(account: BindAccount): Promise<void> {
  return kerberosLogon(dc.ip, account, dir);
}

function guestDn(): string {
  return `CN=Guest,CN=Users,${dc.baseDn}`;
}

/** The DC under test, then a DC that cannot be reached. */
function bothDcs(): { host: string; port?: number }[] {
  return [{ host: dc.host }, { host: '127.0.0.1', port: unreachablePort }];
}

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-last-logon-'));
  unreachablePort = await closedPort();
});

afterAll(async () => {
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('reading lastLogon from each domain controller', () => {
  let operatorGuid: string;
  let operatorLastLogon: string;

  it('returns the logon just made, null for an account never used, and lists the DC it could not reach', async () => {
    const operator = dc.bindAccounts.operator;
    const before = Date.now();
    await logOnAs(operator);

    const report = await readLastLogon({
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      accounts: [{ dn: operator.dn }, { dn: guestDn() }],
      domainControllers: bothDcs(),
    });

    expect(report).toMatchObject({ dcsAsked: 2, dcsAnswered: 1, dcSource: 'given' });
    expect(report.domainControllers).toEqual([
      { host: dc.host, port: 636, answered: true },
      expect.objectContaining({ host: '127.0.0.1', port: unreachablePort, answered: false, errorCode: 'UNREACHABLE' }),
    ]);
    expect(report.domainControllers[1]?.error).toContain(`Cannot reach 127.0.0.1:${unreachablePort}`);

    const [used, neverUsed] = report.accounts;
    expect(used).toMatchObject({ samAccountName: operator.sAMAccountName, lastLogonHost: dc.host, dcsAnswered: 1 });
    expect(used?.dn?.toLowerCase()).toBe(operator.dn.toLowerCase());
    // FILETIME is finer than the clock the DC stamps it with; a minute covers any rounding and a slow machine.
    const at = Date.parse(used?.lastLogon ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(used?.perDc).toEqual([
      { host: dc.host, port: 636, lastLogon: used?.lastLogon },
      expect.objectContaining({ host: '127.0.0.1', port: unreachablePort, lastLogon: null, errorCode: 'UNREACHABLE' }),
    ]);

    expect(neverUsed).toMatchObject({ samAccountName: 'Guest', lastLogon: null, lastLogonHost: null, dcsAnswered: 1 });
    expect(neverUsed?.perDc[0]).toEqual({ host: dc.host, port: 636, lastLogon: null });

    operatorGuid = used?.objectGuid ?? '';
    operatorLastLogon = used?.lastLogon ?? '';
  });

  it('finds an account by objectGUID, matching its raw bytes', async () => {
    // Bytes from 0x80 up are the ones a filter sent as text would garble.
    expect(encodeGuid(operatorGuid).some((byte) => byte >= 0x80)).toBe(true);
    const report = await readLastLogon({
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      accounts: [{ objectGuid: operatorGuid.toUpperCase() }],
      domainControllers: [{ host: dc.host }],
    });
    expect(report.accounts[0]).toMatchObject({
      objectGuid: operatorGuid,
      samAccountName: dc.bindAccounts.operator.sAMAccountName,
      dcsAnswered: 1,
    });
    expect(Date.parse(report.accounts[0]?.lastLogon ?? '')).toBeGreaterThanOrEqual(Date.parse(operatorLastLogon));
  });

  it('says, for the DC, that it has no such account', async () => {
    const missingDn = `CN=nobody-here,OU=Nowhere,${dc.baseDn}`;
    const report = await readLastLogon({
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      accounts: [{ dn: missingDn }, { objectGuid: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' }],
      domainControllers: [{ host: dc.host }],
    });
    expect(report.dcsAnswered).toBe(1);
    for (const account of report.accounts) {
      expect(account).toMatchObject({ lastLogon: null, dcsAnswered: 0 });
      expect(account.perDc[0]).toMatchObject({ errorCode: 'NO_SUCH_OBJECT' });
      expect(account.perDc[0]?.error).toContain(`${dc.host} has no account with`);
    }
  });

  it('reports a DC that refuses the bind in plain words instead of failing', async () => {
    const report: LastLogonReport = await readLastLogon({
      target: { ...adminLdapsTarget(dc), bindName: dc.bindAccounts.bot.userPrincipalName },
      password: 'not the password',
      accounts: [{ dn: guestDn() }],
      domainControllers: [{ host: dc.host }],
    });
    expect(report).toMatchObject({ dcsAsked: 1, dcsAnswered: 0 });
    expect(report.domainControllers[0]).toMatchObject({ answered: false, errorCode: 'INVALID_CREDENTIALS' });
    expect(report.domainControllers[0]?.error).toContain('the user name or password is wrong');
    expect(report.accounts[0]?.perDc[0]).toMatchObject({ lastLogon: null, errorCode: 'INVALID_CREDENTIALS' });
  });
});

describe('warden lastlogon', () => {
  it(
    'gives the exact last logon of a snapshot account and the verdict redone with it',
    { timeout: 240_000 },
    async () => {
      const caFile = join(dir, 'ca.pem');
      await writeFile(caFile, dc.caPem);
      const db = join(dir, 'warden.db');
      const env = { WARDEN_DB_PASSPHRASE: 'correct horse battery staple', WARDEN_BIND_PASSWORD: dc.adminPassword };
      const connection = ['--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', caFile, '--db', db];
      const scan = await runCli(['scan', ...connection], env);
      expect(scan.stderr).toBe('');
      expect(scan.code).toBe(0);

      const account = dc.bindAccounts.serviceAccount;
      const before = Date.now();
      await logOnAs(account);

      const partial = await runCli(
        [
          'lastlogon',
          account.sAMAccountName,
          ...connection,
          '--dc',
          dc.host,
          '--dc',
          `127.0.0.1:${unreachablePort}`,
          '--json',
        ],
        env,
      );
      expect(partial.code).toBe(0);
      const report = JSON.parse(partial.stdout) as {
        dcsAsked: number;
        dcsAnswered: number;
        accounts: {
          samAccountName: string;
          lastLogon: string | null;
          lastLogonKnown: string | null;
          daysAgo: number | null;
          exact: boolean;
          verdict: { usage: string; approximate: boolean };
          perDc: { host: string; errorCode?: string }[];
        }[];
      };
      expect(report).toMatchObject({ dcsAsked: 2, dcsAnswered: 1 });
      const [result] = report.accounts;
      expect(result).toMatchObject({ samAccountName: account.sAMAccountName, exact: false, daysAgo: 0 });
      expect(Date.parse(result?.lastLogon ?? '')).toBeGreaterThanOrEqual(before - 60_000);
      expect(Date.parse(result?.lastLogonKnown ?? '')).toBeGreaterThanOrEqual(Date.parse(result?.lastLogon ?? ''));
      expect(result?.verdict.usage).toBe('active');
      expect(result?.perDc.map((entry) => entry.errorCode)).toEqual([undefined, 'UNREACHABLE']);

      const exact = await runCli(['lastlogon', account.sAMAccountName, ...connection, '--dc', dc.host], env);
      expect(exact.stderr).toBe('');
      expect(exact.code).toBe(0);
      expect(exact.stdout).toContain('1 of 1 domain controllers answered');
      expect(exact.stdout).toMatch(/last logon\s+\S+ \(0 days ago\), exact/);
      expect(exact.stdout).toMatch(/verdict now\s+active: last logon 0 day\(s\) ago/);
    },
  );
});
