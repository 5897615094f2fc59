import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput, ProgressEvent } from '../../src/api/contract';
import type { Core } from '../../src/api/core';
import { kerberosLogon } from '../dc/kerberos-logon';
import { startTestDc, type TestDc } from '../dc/test-dc';
import { routerValue, startTestCore } from '../unit/api/test-core';

let dc: TestDc;
let dir: string;
let core: Core;
const events: ProgressEvent[] = [];

const value = <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> =>
  routerValue(core.router, name, input);

async function guidOf(samAccountName: string): Promise<string> {
  const page = await value('listAssessedAccounts', { filter: `samaccountname=${samAccountName}` });
  const row = page.rows[0];
  if (row === undefined) throw new Error(`no account ${samAccountName} in the snapshot`);
  return row.objectGuid;
}

const profileInput = (): OperationInput<'saveProfile'> => ({
  name: 'Corp test domain',
  host: dc.ip,
  caPem: dc.caPem,
  bindName: dc.adminUpn,
});

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-core-last-logon-'));
  core = await startTestCore(dir, { emit: (event) => events.push(event) });
});

afterAll(async () => {
  await core?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('asking the domain controllers of a saved profile for the exact last logon', () => {
  let profileId: string;
  let serviceGuid: string;
  let guestGuid: string;

  it('reads each DC’s lastLogon of scanned accounts and redoes their verdict', async () => {
    const profile = await value('saveProfile', profileInput());
    profileId = profile.id;
    await value('scanProfile', { profileId, password: dc.adminPassword });
    const account = dc.bindAccounts.serviceAccount;
    serviceGuid = await guidOf(account.sAMAccountName);
    guestGuid = await guidOf('Guest');

    const before = Date.now();
    await kerberosLogon(dc.ip, account, dir);

    const taskId = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';
    const report = await value('queryExactLastLogon', {
      taskId,
      profileId,
      objectGuids: [serviceGuid, guestGuid],
      password: dc.adminPassword,
    });

    // The test domain is in no DNS this machine asks: the profile's own DC is the one asked.
    expect(report).toMatchObject({ dcsAsked: 1, dcsAnswered: 1, dcSource: 'target' });
    expect(report.domainControllers).toEqual([{ host: dc.ip, port: 636, answered: true }]);
    expect(events.filter((event) => event.taskId === taskId).map((event) => event.progress)).toEqual([
      { host: dc.ip, dcIndex: 0, dcCount: 1 },
    ]);

    const [used, guest] = report.accounts;
    expect(used).toMatchObject({
      objectGuid: serviceGuid,
      samAccountName: account.sAMAccountName,
      lastLogonHost: dc.ip,
      exact: true,
      daysAgo: 0,
      verdict: { usage: 'active', approximate: false, lastLogonDaysAgo: 0 },
    });
    // FILETIME is finer than the clock the DC stamps it with; a minute covers any rounding and a slow machine.
    const at = Date.parse(used?.lastLogon ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(used?.perDc).toEqual([{ host: dc.ip, port: 636, lastLogon: used?.lastLogon }]);
    expect(used?.verdictChanged).toBe(used?.snapshotVerdict.usage !== 'active');

    // A DC that answers without a value says the account never logged on there: no error.
    expect(guest).toMatchObject({ samAccountName: 'Guest', lastLogon: null, exact: true });
    expect(guest?.perDc).toEqual([{ host: dc.ip, port: 636, lastLogon: null }]);
  });

  it('uses the password saved in the profile when the request carries none', async () => {
    await value('saveProfile', { ...profileInput(), id: profileId, savePassword: true, password: dc.adminPassword });
    const report = await value('queryExactLastLogon', { profileId, objectGuids: [serviceGuid] });
    expect(report).toMatchObject({ dcsAnswered: 1, accounts: [{ objectGuid: serviceGuid, exact: true }] });
  });

  it('reports a DC that refuses the bind in plain words, and keeps the snapshot’s verdict', async () => {
    const report = await value('queryExactLastLogon', {
      profileId,
      objectGuids: [serviceGuid],
      password: 'not the password',
    });
    expect(report).toMatchObject({ dcsAsked: 1, dcsAnswered: 0 });
    expect(report.domainControllers[0]).toMatchObject({ answered: false, errorCode: 'INVALID_CREDENTIALS' });
    expect(report.domainControllers[0]?.error).toContain('the user name or password is wrong');
    const [account] = report.accounts;
    expect(account).toMatchObject({ exact: false, lastLogon: null, verdictChanged: false });
    expect(account?.perDc).toEqual([expect.objectContaining({ host: dc.ip, errorCode: 'INVALID_CREDENTIALS' })]);
    expect(account?.verdict.usage).toBe(account?.snapshotVerdict.usage);
  });
});
