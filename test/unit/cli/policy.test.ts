import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountAssessment, PolicyInForce, RiskPolicy } from '../../../src/risk';
import { openStore } from '../../../src/store';
import { runCli } from './cli-harness';
import { DemoStores, env, PASSPHRASE, runJson } from './demo-store';

const stores = new DemoStores();
let db: string;
let dir: string;
let file = 0;

beforeAll(() => stores.setUp('warden-cli-policy-'), 120_000);
afterAll(() => stores.tearDown());
beforeEach(async () => {
  ({ db, dir } = await stores.copy());
});

/** A new file name in the test folder: the tests share it. */
function path(name: string): string {
  file += 1;
  return join(dir, `${file}-${name}`);
}

async function exportedPolicy(): Promise<RiskPolicy> {
  const target = path('exported.json');
  expect((await runCli(['policy', 'export', target, '--db', db], env)).code).toBe(0);
  return JSON.parse(await readFile(target, 'utf8')) as RiskPolicy;
}

async function writePolicy(name: string, value: unknown): Promise<string> {
  const target = path(name);
  await writeFile(target, JSON.stringify(value, null, 2));
  return target;
}

function tierOf(accounts: readonly AccountAssessment[], sam: string): string | undefined {
  return accounts.find((account) => account.samAccountName === sam)?.risk;
}

async function auditActions(): Promise<string[]> {
  const store = await openStore({ path: db, key: { kind: 'passphrase', passphrase: PASSPHRASE } });
  try {
    return (await store.audit.list()).map((entry) => entry.action);
  } finally {
    await store.close();
  }
}

describe('warden policy', { timeout: 30_000 }, () => {
  it('shows the bundled defaults until a policy is saved', async () => {
    const shown = await runJson<PolicyInForce>(['policy', 'show', '--db', db, '--json']);
    expect(shown).toMatchObject({ source: 'default', savedAt: null, savedBy: null });
    expect(shown.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(shown.policy.risk.thresholds).toEqual({ high: 10, medium: 7 });

    const text = await runCli(['policy', 'show', '--db', db], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Policy in force: the bundled defaults');
    expect(text.stdout).toContain(`sha256:            ${shown.hash}`);
    expect(text.stdout).toContain('high from score 10, medium from 7');
    expect(text.stdout).toMatch(/privileged-critical +5/);
  });

  it('exports the policy in force as a file that checks valid, and never overwrites without --force', async () => {
    const target = path('policy.json');
    const exported = await runJson<{ file: string; source: string; hash: string }>([
      'policy',
      'export',
      target,
      '--db',
      db,
      '--json',
    ]);
    const shown = await runJson<PolicyInForce>(['policy', 'show', '--db', db, '--json']);
    expect(exported).toEqual({ file: target, source: 'default', hash: shown.hash });
    const text = await readFile(target, 'utf8');
    expect(JSON.parse(text)).toEqual(shown.policy);
    expect(text).toContain('\n  "version": 1,\n');

    const checked = await runJson<{ valid: boolean; hash: string; issues: string[] }>([
      'policy',
      'check',
      target,
      '--json',
    ]);
    expect(checked).toEqual({ file: target, valid: true, hash: shown.hash, issues: [] });

    await writeFile(target, 'keep me');
    const refused = await runCli(['policy', 'export', target, '--db', db], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${target} already exists; give --force to overwrite it`);
    expect(await readFile(target, 'utf8')).toBe('keep me');

    const forced = await runCli(['policy', 'export', target, '--db', db, '--force'], env);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(shown.policy);
  });

  it('checks a file without a store and lists every issue by its JSON path', async () => {
    const policy = await exportedPolicy();
    const bad = await writePolicy('bad.json', {
      ...policy,
      usage: { ...policy.usage, dormantDays: 0 },
      risk: { ...policy.risk, thresholds: { high: 16, medium: 7 } },
      classification: { patterns: [{ type: 'robot', names: ['('] }] },
    });
    // No --db and no passphrase: checking a file never opens a store.
    const result = await runCli(['policy', 'check', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`warden: ${bad} is not a usable policy [INVALID_POLICY]:`);
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual(
      expect.arrayContaining([
        'usage.dormantDays',
        'risk.thresholds.high',
        'classification.patterns.0.type',
        'classification.patterns.0.names.0',
      ]),
    );

    const json = await runCli(['policy', 'check', bad, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { valid: boolean; issues: string[] };
    expect(report.valid).toBe(false);
    expect(report.issues).toHaveLength(lines.length - 1);
    expect(report.issues.find((issue) => issue.startsWith('risk.thresholds.high:'))).toMatch(/15/);
  });

  it('names an unknown rule and a file that is not JSON', async () => {
    const policy = await exportedPolicy();
    const unknownRule = await writePolicy('rule.json', {
      ...policy,
      risk: { ...policy.risk, rules: { ...policy.risk.rules, 'made-up': { enabled: true, weight: 1 } } },
    });
    const rule = await runCli(['policy', 'check', unknownRule]);
    expect(rule.code).toBe(1);
    expect(rule.stderr).toContain('risk.rules.made-up: there is no rule "made-up"');

    const notJson = path('broken.json');
    await writeFile(notJson, '{ "version": 1,');
    const broken = await runCli(['policy', 'check', notJson]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`The policy file ${notJson} is not JSON`);
  });

  it('saves a policy whose raised threshold changes the tiers on the next run, without a rescan', async () => {
    const before = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    expect(tierOf(before, 'svc-sqlreport')).toBe('high');
    const sqlreportScore = before.find((account) => account.samAccountName === 'svc-sqlreport')?.score ?? 0;
    expect(sqlreportScore).toBeLessThan(15);

    const policy = await exportedPolicy();
    const raised = await writePolicy('raised.json', {
      ...policy,
      risk: { ...policy.risk, thresholds: { high: sqlreportScore + 1, medium: 7 } },
    });
    const saved = await runJson<PolicyInForce>(['policy', 'set', raised, '--db', db, '--json']);
    expect(saved).toMatchObject({ source: 'saved', savedBy: expect.any(String), savedAt: expect.any(String) });
    expect(saved.policy.risk.thresholds.high).toBe(sqlreportScore + 1);

    const after = await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']);
    expect(tierOf(after, 'svc-sqlreport')).toBe('medium');
    const highBefore = before.filter((account) => account.risk === 'high').length;
    const highAfter = after.filter((account) => account.risk === 'high').length;
    expect(highAfter).toBeLessThan(highBefore);
    // Only the tiers move: the scores are the same, since nothing but the thresholds changed.
    expect(after.map((account) => account.score)).toEqual(before.map((account) => account.score));

    const summary = await runJson<{ policy: { source: string; hash: string }; byTier: { high: number } }>([
      'summary',
      '--db',
      db,
      '--json',
    ]);
    expect(summary.policy).toEqual({ source: 'saved', hash: saved.hash });
    expect(summary.byTier.high).toBe(highAfter);

    const shown = await runJson<PolicyInForce>(['policy', 'show', '--db', db, '--json']);
    expect(shown).toMatchObject({ source: 'saved', hash: saved.hash, savedBy: saved.savedBy });
    expect(await auditActions()).toContain('policy.save');

    const reset = await runJson<PolicyInForce>(['policy', 'reset', '--db', db, '--json']);
    expect(reset).toMatchObject({ source: 'default', savedAt: null });
    expect(tierOf(await runJson<AccountAssessment[]>(['accounts', '--db', db, '--json']), 'svc-sqlreport')).toBe(
      'high',
    );
    expect(await auditActions()).toContain('policy.reset');
  });

  it('saves nothing when the file is not valid', async () => {
    const policy = await exportedPolicy();
    const bad = await writePolicy('bad-set.json', {
      ...policy,
      risk: { ...policy.risk, thresholds: { high: 7, medium: 9 } },
    });
    const result = await runCli(['policy', 'set', bad, '--db', db], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('risk.thresholds: the medium threshold must be below the high one');
    expect(result.stderr).toContain('Nothing was saved.');
    expect((await runJson<PolicyInForce>(['policy', 'show', '--db', db, '--json'])).source).toBe('default');
    expect(await auditActions()).not.toContain('policy.save');
  });

  it('asks for the file on the command line', async () => {
    for (const words of [['check'], ['set'], ['export']]) {
      const result = await runCli(['policy', ...words, '--db', db], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: warden policy');
    }
  });
});
