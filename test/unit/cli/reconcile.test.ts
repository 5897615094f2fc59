import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store';
import { account, person } from '../hr/people';
import { importPeople, writeSnapshot } from '../hr/store-fixtures';
import { runCli } from './cli-harness';

const PASSPHRASE = 'correct horse battery staple';
const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE };

let dir: string;
let db: string;
const jane = account({ samAccountName: 'jdoe', employeeId: 'E1', displayName: 'Jane Doe' });
const gone = account({ samAccountName: 'gone', mail: 'gone@corp.test' });
const service = account({ samAccountName: 'svc-app', displayName: 'App service' });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-cli-reconcile-'));
  db = join(dir, 'warden.db');
  const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase: PASSPHRASE }, create: true });
  try {
    await writeSnapshot(store, [jane, gone, service]);
    await importPeople(store, [
      person({ employeeId: 'E1', firstName: 'Jane', lastName: 'Doe' }),
      person({ employeeId: 'E2', email: 'gone@corp.test', status: 'terminated', rawStatus: 'Left' }),
      person({ employeeId: 'E3', firstName: 'New', lastName: 'Starter' }),
    ]);
  } finally {
    await store.close();
  }
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('warden reconcile', () => {
  it('prints every account outcome and the headline figures as JSON', async () => {
    const result = await runCli(['reconcile', '--db', db, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown> & {
      accounts: {
        samAccountName: string;
        outcome: string;
        rule: string | null;
        person: { employeeId: string } | null;
      }[];
    };
    expect(Object.keys(output).sort()).toEqual([
      'accounts',
      'employees',
      'figures',
      'fuzzyNameThreshold',
      'history',
      'hrFileName',
      'hrImportId',
      'reconciledAt',
      'snapshotId',
      'snapshotStartedAt',
    ]);
    const bySam = Object.fromEntries(
      output.accounts.map((a) => [a.samAccountName, [a.outcome, a.rule, a.person?.employeeId]]),
    );
    expect(bySam).toEqual({
      jdoe: ['matched', 'employee-id', 'E1'],
      gone: ['leaver', 'email', 'E2'],
      'svc-app': ['none', null, undefined],
    });
    expect(output['employees']).toEqual([
      { employeeId: 'E3', rowNumber: expect.any(Number), name: 'New Starter', status: 'active', outcome: 'no-account' },
    ]);
    expect(output['figures']).toMatchObject({ enabledAccounts: 3, activeEmployees: 2, imbalance: 1, nhiPerHuman: 0.5 });
  });

  it('prints a summary with the imbalance and the leavers', async () => {
    const result = await runCli(['reconcile', '--db', db], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/imbalance:\s+\+1/);
    expect(result.stdout).toMatch(/leaver\s+1/);
    expect(result.stdout).toContain('gone: mail "gone@corp.test" is the e-mail address of employee E2');
  });

  it('records decisions with a reason, which the next reconciliation applies', async () => {
    const decided = await runCli(
      ['reconcile', 'decide', 'nhi', '--account', 'gone', '--reason', 'batch account', '--db', db, '--json'],
      env,
    );
    expect(decided.stderr).toBe('');
    expect(JSON.parse(decided.stdout)).toMatchObject({
      accountGuid: gone.objectGuid,
      decision: { kind: 'nhi', reason: 'batch account' },
    });
    const result = JSON.parse((await runCli(['reconcile', '--db', db, '--json'], env)).stdout) as {
      accounts: { samAccountName: string; outcome: string; decided: string | null }[];
    };
    expect(result.accounts.find((a) => a.samAccountName === 'gone')).toMatchObject({ outcome: 'none', decided: 'nhi' });
  });

  it('refuses a decision without a reason or an employee, and an unknown account, with the right exit codes', async () => {
    const noReason = await runCli(['reconcile', 'decide', 'human', '--account', 'gone', '--db', db], env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason TEXT is required');
    const noEmployee = await runCli(
      ['reconcile', 'decide', 'confirm', '--account', 'gone', '--reason', 'x', '--db', db],
      env,
    );
    expect(noEmployee.code).toBe(2);
    const badAction = await runCli(
      ['reconcile', 'decide', 'maybe', '--account', 'gone', '--reason', 'x', '--db', db],
      env,
    );
    expect(badAction.code).toBe(2);
    const ghost = await runCli(
      ['reconcile', 'decide', 'human', '--account', 'ghost', '--reason', 'x', '--db', db],
      env,
    );
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toContain('[ACCOUNT_NOT_FOUND]');
  });
});
