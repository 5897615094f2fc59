import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, type AccountAssessment } from '../../../src/risk';
import { openStore, type AuditEntry } from '../../../src/store';
import { runCli } from './cli-harness';
import { DemoStores, env, PASSPHRASE, runJson } from './demo-store';

const stores = new DemoStores();
let db: string;

beforeAll(() => stores.setUp('warden-cli-account-set-'), 120_000);
afterAll(() => stores.tearDown());
beforeEach(async () => {
  ({ db } = await stores.copy());
});

async function accounts(): Promise<AccountAssessment[]> {
  return runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
}

function bySam(list: readonly AccountAssessment[], sam: string): AccountAssessment {
  const account = list.find((candidate) => candidate.samAccountName === sam);
  if (account === undefined) throw new Error(`${sam} is not in the output`);
  return account;
}

async function accountAudit(): Promise<AuditEntry[]> {
  const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  try {
    return (await store.audit.list()).filter((entry) => entry.action.startsWith('account.'));
  } finally {
    await store.close();
  }
}

describe('warden account set', { timeout: 60_000 }, () => {
  it('records a type that wins over the classification and persists across a new scan', async () => {
    const before = bySam(await accounts(), 'svc-sqlreport');
    expect(before).toMatchObject({ type: 'service', typeDecidedBy: 'pattern' });

    const assessed = await runJson<AccountAssessment>([
      'account',
      'set',
      'svc-sqlreport',
      '--type',
      'bot',
      '--reason',
      'runs the nightly report robot',
      '--db',
      db,
      '--json',
    ]);
    expect(assessed).toMatchObject({
      objectGuid: before.objectGuid,
      samAccountName: 'svc-sqlreport',
      type: 'bot',
      typeDecidedBy: 'hand',
      isNhi: true,
    });
    expect(assessed.typeSignals[0]?.text).toContain('runs the nightly report robot');
    expect(bySam(await accounts(), 'svc-sqlreport').type).toBe('bot');

    const audit = await accountAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'account.type.set',
      target: `account:${before.objectGuid}`,
      reason: 'runs the nightly report robot',
      before: null,
      after: 'bot',
      actor: expect.any(String),
    });

    const rescan = await runJson<{ snapshotId: string }>(['scan', '--demo', '--db', db, '--json']);
    const summary = await runJson<{ snapshotId: string }>(['summary', '--db', db, '--json']);
    expect(summary.snapshotId).toBe(rescan.snapshotId);
    expect(bySam(await accounts(), 'svc-sqlreport')).toMatchObject({ type: 'bot', typeDecidedBy: 'hand' });
  });

  it('records an owner and tags, which the score reads, and withdraws them', async () => {
    const list = await accounts();
    const orphan = list.find((account) => account.isNhi && account.enabled && account.ownerStatus === 'missing');
    if (orphan === undefined) throw new Error('the demo has no non-human account without an owner');
    const owner = list.find((account) => account.type === 'human' && account.enabled && account.hr === 'none');
    if (owner === undefined) throw new Error('the demo has no enabled person');

    const set = await runJson<AccountAssessment>([
      'account',
      'set',
      `{${orphan.objectGuid.toUpperCase()}}`,
      '--owner',
      owner.samAccountName,
      '--tags',
      'PII, finance,,pii',
      '--reason',
      'owner confirmed by the service desk',
      '--db',
      db,
      '--json',
    ]);
    expect(set).toMatchObject({
      objectGuid: orphan.objectGuid,
      owner: owner.samAccountName,
      ownerSource: 'warden',
      ownerStatus: 'active',
      orphaned: false,
      tags: ['finance', 'pii'],
    });
    expect(set.reasons.map((reason) => reason.id)).toContain('sensitive-tag');
    expect(set.reasons.map((reason) => reason.id)).not.toContain('no-owner');
    expect(set.factors.sensitivity).toBe(5);
    expect((await accountAudit()).map((entry) => entry.action)).toEqual(['account.owner.set', 'account.tags.set']);

    const cleared = await runJson<AccountAssessment>([
      'account',
      'set',
      orphan.dn.toLowerCase(),
      '--clear-owner',
      '--clear-tags',
      '--reason',
      'entered on the wrong account',
      '--db',
      db,
      '--json',
    ]);
    expect(cleared).toMatchObject({ ownerStatus: 'missing', tags: [], risk: orphan.risk, score: orphan.score });
  });

  it('prints the new assessment as text without --json', async () => {
    const result = await runCli(
      ['account', 'set', 'atlas', '--type', 'service', '--reason', 'a plain service after all', '--db', db],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^atlas \([0-9a-f-]{36}\): type set to service; recorded in the audit log\.\n/);
    expect(result.stdout).toContain('  type:    service (decided by hand)');
    expect(result.stdout).toMatch(/ {2}risk: {4}(high|medium|low), score \d+/);
  });

  it('names an account that is not in the latest snapshot, and records nothing', async () => {
    const result = await runCli(
      ['account', 'set', 'svc-nosuch', '--type', 'bot', '--reason', 'checked', '--db', db],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[ACCOUNT_NOT_FOUND]');
    expect(result.stderr).toContain('"svc-nosuch"');
    expect(await accountAudit()).toEqual([]);
  });

  it('refuses a type that is not one of the account types, listing them', async () => {
    const result = await runCli(['account', 'set', 'atlas', '--type', 'robot', '--reason', 'checked', '--db', db], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"robot" is not an account type');
    for (const type of ACCOUNT_TYPES) expect(result.stderr).toContain(type);
    expect(await accountAudit()).toEqual([]);
  });

  it('refuses a change without a reason, without a change, or with contradicting flags', async () => {
    const cases: [string[], string][] = [
      [['atlas', '--type', 'bot'], '--reason TEXT is required'],
      [['atlas', '--type', 'bot', '--reason', '  '], '--reason TEXT is required'],
      [['atlas', '--reason', 'why'], 'say what to change'],
      [['atlas', '--owner', 'jdoe', '--clear-owner', '--reason', 'why'], '--owner and --clear-owner contradict'],
      [['atlas', '--tags', ' , ', '--reason', 'why'], '--tags needs at least one tag'],
      [['--type', 'bot', '--reason', 'why'], 'name the account'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['account', 'set', ...args, '--db', db], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(await accountAudit()).toEqual([]);
  });
});
