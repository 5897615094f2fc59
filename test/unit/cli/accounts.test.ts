import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountAssessment, Anomaly, RiskSummary } from '../../../src/risk';
import { runCli } from './cli-harness';
import { DEMO_HR_FILE, DemoStores, env, runJson } from './demo-store';

const TYPES = [
  'human',
  'human-secondary',
  'service',
  'gmsa',
  'smsa',
  'dmsa',
  'bot',
  'ai-agent',
  'shared',
  'test',
  'unknown-nhi',
];
const OWNER_STATUSES = ['active', 'leaver', 'missing'];
const USAGES = ['active', 'dormant', 'never-used', 'disabled', 'expired'];
const HR_VALUES = ['matched', 'leaver', 'matched-disabled', 'probable', 'ambiguous', 'none'];
const TIERS = ['high', 'medium', 'low'];

type SummaryOutput = RiskSummary & { policy: { source: string; hash: string }; anomalies: Anomaly[] };

const stores = new DemoStores();
let db: string;
let dir: string;

beforeAll(() => stores.setUp('warden-cli-accounts-'), 120_000);
afterAll(() => stores.tearDown());
beforeEach(async () => {
  ({ db, dir } = await stores.copy());
});

function bySam(accounts: readonly AccountAssessment[], sam: string): AccountAssessment {
  const account = accounts.find((candidate) => candidate.samAccountName === sam);
  if (account === undefined) throw new Error(`${sam} is not in the output`);
  return account;
}

// Each test runs the whole assessment of the demo's 604 accounts once or more.
describe('warden accounts', { timeout: 30_000 }, () => {
  it('prints every account of the latest snapshot with the fields and values of the accounts contract', async () => {
    const accounts = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    expect(accounts).toHaveLength(604);
    for (const account of accounts) {
      expect(account).toEqual(
        expect.objectContaining({
          samAccountName: expect.any(String),
          dn: expect.stringMatching(/^CN=.+,DC=corp,DC=example,DC=test$/),
          isNhi: expect.any(Boolean),
          score: expect.any(Number),
          reasons: expect.any(Array),
        }),
      );
      expect(TYPES).toContain(account.type);
      expect(OWNER_STATUSES).toContain(account.ownerStatus);
      expect(USAGES).toContain(account.usage);
      expect(HR_VALUES).toContain(account.hr);
      expect(TIERS).toContain(account.risk);
      expect(account.owner === null || typeof account.owner === 'string').toBe(true);
      expect(account.isNhi).toBe(account.type !== 'human' && account.type !== 'human-secondary');
      expect(account.score).toBeGreaterThanOrEqual(3);
      expect(account.score).toBeLessThanOrEqual(15);
      for (const reason of account.reasons) {
        expect(reason).toEqual(
          expect.objectContaining({ id: expect.any(String), title: expect.any(String), weight: expect.any(Number) }),
        );
      }
    }
    // Without an HR list nobody is matched: "none" everywhere, not a guess.
    expect(new Set(accounts.map((account) => account.hr))).toEqual(new Set(['none']));

    const sqlreport = bySam(accounts, 'svc-sqlreport');
    expect(sqlreport).toMatchObject({ type: 'service', isNhi: true, risk: 'high', ownerStatus: 'active' });
    expect(sqlreport.reasons.map((reason) => reason.id)).toContain('privileged-critical');
    expect(bySam(accounts, 'atlas')).toMatchObject({ type: 'ai-agent', isNhi: true });
  });

  it('reads the HR outcome once an HR list is imported', async () => {
    const imported = await runCli(['hr', 'import', DEMO_HR_FILE, '--db', db, '--json'], env);
    expect(imported.code).toBe(0);
    const accounts = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    const outcomes = new Set(accounts.map((account) => account.hr));
    expect(outcomes).toContain('matched');
    expect(outcomes).toContain('leaver');
    for (const outcome of outcomes) expect(HR_VALUES).toContain(outcome);
  });

  it('narrows the list with --filter', async () => {
    const all = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    const services = await runJson<AccountAssessment[]>([
      'accounts',
      '--db',
      db,
      '--json',
      '--filter',
      'type=service|gmsa and risk=high',
    ]);
    expect(services.length).toBeGreaterThan(0);
    expect(services.length).toBeLessThan(all.length);
    for (const account of services) {
      expect(['service', 'gmsa']).toContain(account.type);
      expect(account.risk).toBe('high');
    }
    expect(services.map((account) => account.samAccountName)).toContain('svc-sqlreport');
    expect(services.map((account) => account.samAccountName).sort()).toEqual(
      all
        .filter((account) => (account.type === 'service' || account.type === 'gmsa') && account.risk === 'high')
        .map((account) => account.samAccountName)
        .sort(),
    );

    const byReason = await runJson<AccountAssessment[]>([
      'accounts',
      '--db',
      db,
      '--json',
      '--filter',
      'reason=privileged-critical and score>=10',
    ]);
    expect(byReason.length).toBeGreaterThan(0);
    for (const account of byReason) {
      expect(account.reasons.map((reason) => reason.id)).toContain('privileged-critical');
      expect(account.score).toBeGreaterThanOrEqual(10);
    }
  });

  it('refuses a filter it cannot read with the command-line exit code, naming the clause', async () => {
    const unknownValue = await runCli(['accounts', '--db', db, '--filter', 'isNhi=true and risk=extreme'], env);
    expect(unknownValue.code).toBe(2);
    expect(unknownValue.stdout).toBe('');
    expect(unknownValue.stderr).toContain('"risk=extreme"');
    expect(unknownValue.stderr).toContain('high, medium, low');

    const unknownField = await runCli(['accounts', '--db', db, '--json', '--filter', 'colour=blue'], env);
    expect(unknownField.code).toBe(2);
    expect(unknownField.stderr).toContain('"colour=blue"');
    expect(unknownField.stderr).toContain('there is no field "colour"');
  });

  it('prints a table, highest score first, and a count line without --json', async () => {
    const result = await runCli(['accounts', '--db', db, '--filter', 'risk=high'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Snapshot \S+ \(.+\), default policy [0-9a-f]{12}$/);
    expect(lines[1]?.split(/\s{2,}/)).toEqual([
      'sAMAccountName',
      'type',
      'risk',
      'score',
      'usage',
      'owner',
      'top reason',
    ]);
    const rows = lines.slice(2, -1).map((line) => line.split(/\s+/));
    expect(rows.length).toBeGreaterThan(0);
    const scores = rows.map((row) => Number(row[3]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(rows.find((row) => row[0] === 'svc-sqlreport')).toEqual([
      'svc-sqlreport',
      'service',
      'high',
      expect.stringMatching(/^\d+$/),
      'active',
      'active',
      'privileged-critical',
    ]);
    expect(lines.at(-1)).toBe(`${rows.length} of 604 account(s) match the filter`);
  });

  it('scores with --policy FILE for one run only', async () => {
    const exported = await runCli(['policy', 'export', join(dir, 'base.json'), '--db', db], env);
    expect(exported.code).toBe(0);
    const policy = JSON.parse(await readFile(join(dir, 'base.json'), 'utf8')) as {
      risk: { thresholds: { high: number; medium: number } };
    };
    policy.risk.thresholds = { high: 15, medium: 14 };
    const strict = join(dir, 'strict.json');
    await writeFile(strict, JSON.stringify(policy));

    const scored = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json', '--policy', strict]);
    expect(scored.filter((account) => account.risk === 'high')).toEqual([]);
    expect(bySam(scored, 'svc-sqlreport').risk).toBe('low');

    // The saved policy is untouched: the next run scores with the defaults again.
    const again = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    expect(bySam(again, 'svc-sqlreport').risk).toBe('high');
  });

  it('refuses a --policy file that is not valid, naming each problem', async () => {
    const bad = join(dir, 'bad-run.json');
    await writeFile(bad, JSON.stringify({ version: 2 }));
    const result = await runCli(['accounts', '--db', db, '--json', '--policy', bad], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('[INVALID_POLICY]');
    expect(result.stderr).toContain('version');
    expect(result.stderr).toContain('risk');
  });

  it('says so when the store has no snapshot or the snapshot asked for is unknown', async () => {
    const unknown = await runCli(['accounts', '--db', db, '--json', '--snapshot', 'no-such-snapshot'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[SNAPSHOT_NOT_FOUND]');
    expect(unknown.stderr).toContain('no-such-snapshot');

    const empty = join(dir, 'empty.db');
    expect((await runCli(['store', 'init', '--db', empty], env)).code).toBe(0);
    const none = await runCli(['accounts', '--db', empty, '--json'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('[NO_SNAPSHOT]');
  });
});

describe('warden summary', { timeout: 30_000 }, () => {
  it('prints the counts by type, tier, usage and owner status, the imbalance and the anomalies', async () => {
    const accounts = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    const summary = await runJson<SummaryOutput>(['summary', '--db', db, '--json']);
    expect(Object.keys(summary).slice(0, 3)).toEqual(['snapshotId', 'asOf', 'policy']);
    expect(Object.keys(summary).at(-1)).toBe('anomalies');
    expect(summary.policy).toEqual({ source: 'default', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(summary.accounts).toBe(604);
    expect(Object.keys(summary.byType).sort()).toEqual([...TYPES].sort());
    expect(Object.keys(summary.byTier).sort()).toEqual([...TIERS].sort());
    expect(Object.keys(summary.byUsage).sort()).toEqual([...USAGES].sort());
    expect(Object.keys(summary.byOwnerStatus).sort()).toEqual([...OWNER_STATUSES].sort());

    const count = (keep: (account: AccountAssessment) => boolean): number => accounts.filter(keep).length;
    expect(summary.byType['ai-agent']).toBe(count((account) => account.type === 'ai-agent'));
    expect(summary.byTier.high).toBe(count((account) => account.risk === 'high'));
    expect(summary.byUsage.dormant).toBe(count((account) => account.usage === 'dormant'));
    expect(summary.byOwnerStatus.missing).toBe(count((account) => account.isNhi && account.ownerStatus === 'missing'));
    expect(summary.imbalance).toMatchObject({
      enabledAccounts: count((account) => account.enabled),
      enabledNhi: count((account) => account.enabled && account.isNhi),
      activeEmployees: null,
      accountsOverEmployees: null,
    });
    expect(summary.anomalies).toEqual(expect.any(Array));
  });

  it('compares with the HR list once one is imported', async () => {
    expect((await runCli(['hr', 'import', DEMO_HR_FILE, '--db', db], env)).code).toBe(0);
    const summary = await runJson<SummaryOutput>(['summary', '--db', db, '--json']);
    expect(summary.imbalance.activeEmployees).toEqual(expect.any(Number));
    expect(summary.imbalance.accountsOverEmployees).toBe(
      summary.imbalance.enabledAccounts - (summary.imbalance.activeEmployees ?? 0),
    );
    // The demo seeds leavers whose accounts are still enabled.
    expect(summary.anomalies.some((anomaly) => anomaly.kind === 'leaver-enabled')).toBe(true);
  });

  it('prints readable text without --json', async () => {
    const result = await runCli(['summary', '--db', db], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Snapshot \S+ as of \S+, default policy [0-9a-f]{12}\n/);
    expect(result.stdout).toMatch(/accounts: +604 \(\d+ enabled\)/);
    expect(result.stdout).toMatch(/by type: +human \d+, human-secondary \d+, service \d+/);
    expect(result.stdout).toMatch(/by risk: +high \d+, medium \d+, low \d+/);
    expect(result.stdout).toContain('no HR list has reconciled this snapshot');
  });
});
