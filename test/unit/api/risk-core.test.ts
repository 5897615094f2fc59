import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Core } from '../../../src/api/core';
import { RESOURCES_DIR, routerValue, startTestCore } from './test-core';

let dir: string;
let core: Core;

function value<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  return routerValue(core.router, name, input);
}

/** The objectGUID of a demo account, found by name through the contract itself. */
async function guidOf(samAccountName: string): Promise<string> {
  const page = await value('listAssessedAccounts', { filter: `samaccountname=${samAccountName}` });
  const row = page.rows[0];
  if (row === undefined) throw new Error(`no account ${samAccountName} in the demo`);
  return row.objectGuid;
}

const tiersOf = async () => (await value('getRiskOverview', {})).summary.byTier;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-risk-'));
  core = await startTestCore(dir);
  await value('openDemo', {});
});

afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('risk operations on the demo domain', () => {
  it('getRiskOverview answers the figures of the latest snapshot, the policy in force and the trend', async () => {
    const snapshot = await value('getLatestSnapshot', {});
    const overview = await value('getRiskOverview', {});
    expect(overview.snapshot).toMatchObject({ id: snapshot?.id, sourceKind: 'demo' });
    expect(overview.policy).toMatchObject({ source: 'default', savedAt: null, savedBy: null });
    expect(overview.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    const { summary } = overview;
    expect(summary.accounts).toBe(604);
    expect(summary.nhi + summary.human).toBe(604);
    expect(summary.byTier.high + summary.byTier.medium + summary.byTier.low).toBe(604);
    expect(summary.byTier.high).toBeGreaterThan(0);
    expect(summary.byType['ai-agent']).toBeGreaterThan(0);
    expect(summary.byType.gmsa).toBeGreaterThan(0);
    // Owner coverage counts the non-human accounts only.
    const { active, leaver, missing } = summary.byOwnerStatus;
    expect(active + leaver + missing).toBe(summary.nhi);
    // No HR list yet: nothing to set the accounts against.
    expect(summary.imbalance.activeEmployees).toBeNull();
    expect(overview.trend).toEqual([
      {
        snapshotId: overview.snapshot.id,
        snapshotStartedAt: overview.snapshot.startedAt,
        byTier: summary.byTier,
        nhi: summary.nhi,
        human: summary.human,
        enabledAccounts: summary.enabledAccounts,
        orphaned: summary.orphaned,
        activeEmployees: null,
      },
    ]);
    expect(await core.router.call('getRiskOverview', { snapshotId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'SNAPSHOT_NOT_FOUND' },
    });
  });

  it('listAssessedAccounts filters by expression or criteria, sorts and pages', async () => {
    const { summary } = await value('getRiskOverview', {});
    const agents = await value('listAssessedAccounts', { filter: 'type=ai-agent', limit: 500 });
    expect(agents.total).toBe(summary.byType['ai-agent']);
    expect(new Set(agents.rows.map((row) => row.type))).toEqual(new Set(['ai-agent']));
    expect(agents.rows.map((row) => row.samAccountName)).toContain('atlas');
    const byCriterion = await value('listAssessedAccounts', { type: ['ai-agent'], limit: 500 });
    expect(byCriterion.rows.map((row) => row.objectGuid)).toEqual(agents.rows.map((row) => row.objectGuid));

    // Highest risk first by default, each row with the finding that weighs most.
    const top = await value('listAssessedAccounts', { limit: 5 });
    expect(top.total).toBe(604);
    expect(top.rows).toHaveLength(5);
    const scores = top.rows.map((row) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(top.rows[0]).toMatchObject({ risk: 'high', topReason: { title: expect.any(String) } });

    const high = await value('listAssessedAccounts', { risk: ['high'], isNhi: true, limit: 500 });
    expect(high.total).toBe(summary.nhiByTier.high);
    expect(high.rows.map((row) => row.samAccountName)).toContain('svc-sqlreport');

    const byName = await value('listAssessedAccounts', {
      type: ['service', 'gmsa'],
      sort: { field: 'samAccountName', direction: 'asc' },
      offset: 2,
      limit: 3,
    });
    expect(byName).toMatchObject({ total: summary.byType.service + summary.byType.gmsa, offset: 2 });
    const names = byName.rows.map((row) => row.samAccountName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));

    const searched = await value('listAssessedAccounts', { search: 'SQLREPORT' });
    expect(searched.rows.map((row) => row.samAccountName)).toEqual(['svc-sqlreport']);

    const never = await value('listAssessedAccounts', { enabled: true, lastLogon: 'never', limit: 1 });
    expect(never.total).toBe(summary.dormancy.never);
    const bucket = summary.dormancy.buckets.find((entry) => entry.from === 91);
    const dormant = await value('listAssessedAccounts', {
      enabled: true,
      lastLogon: { from: bucket?.from ?? 0, to: bucket?.to ?? null },
      limit: 1,
    });
    expect(dormant.total).toBe(bucket?.count);
  });

  it('listAssessedAccounts passes a bad filter on as INVALID_FILTER, and refuses a page over 500', async () => {
    const bad = await core.router.call('listAssessedAccounts', { filter: 'type=robot' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FILTER', details: { filter: 'type=robot', clause: 'type=robot' } },
    });
    expect(await core.router.call('listAssessedAccounts', { limit: 501 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('getAccountAssessment explains svc-sqlreport: high, in Domain Admins through nested groups', async () => {
    const detail = await value('getAccountAssessment', { objectGuid: await guidOf('svc-sqlreport') });
    const { account } = detail;
    expect(account).toMatchObject({ samAccountName: 'svc-sqlreport', risk: 'high', type: 'service', isNhi: true });
    expect(account.factors.criticality).toBe(5);
    expect(account.score).toBe(account.factors.criticality + account.factors.sensitivity + account.factors.impact);
    const critical = account.reasons.find((reason) => reason.id === 'privileged-critical');
    expect(critical?.evidence.summary).toContain('svc-sqlreport → App-Admins → Tier0-Admins → Domain Admins');
    expect(critical?.rationale).toContain('Domain Admins');
    expect(critical?.remediation.length).toBeGreaterThan(0);
    const domainAdmins = account.privilegedPaths.find((path) => path.group.startsWith('CN=Domain Admins,'));
    expect(domainAdmins?.path.map((dn) => dn.split(',')[0])).toEqual([
      'CN=App-Admins',
      'CN=Tier0-Admins',
      'CN=Domain Admins',
    ]);
    expect(detail.metadata).toEqual({ type: null, owner: null, tags: null });

    const missing = await core.router.call('getAccountAssessment', { objectGuid: 'no-such-guid' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
  });

  it('setAccountMetadata sets atlas’s type by hand, with who and why, and withdrawing it restores the pattern’s', async () => {
    const atlas = await guidOf('atlas');
    expect((await value('getAccountAssessment', { objectGuid: atlas })).account.type).toBe('ai-agent');
    const refused = await core.router.call('setAccountMetadata', {
      objectGuid: atlas,
      kind: 'type',
      value: 'bot',
      reason: '  ',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const set = await value('setAccountMetadata', {
      objectGuid: atlas,
      kind: 'type',
      value: 'bot',
      reason: 'Scheduled report sender, no model behind it',
    });
    expect(set.account).toMatchObject({ type: 'bot', typeDecidedBy: 'hand' });
    expect(set.metadata.type).toMatchObject({ value: 'bot', reason: 'Scheduled report sender, no model behind it' });
    expect(set.metadata.type?.actor.length).toBeGreaterThan(0);
    // The cached assessment was dropped: the listing agrees at once.
    const agents = await value('listAssessedAccounts', { type: ['ai-agent'], limit: 500 });
    expect(agents.rows.map((row) => row.samAccountName)).not.toContain('atlas');

    const tagged = await value('setAccountMetadata', {
      objectGuid: atlas,
      kind: 'tags',
      value: ['Finance', 'pci'],
      reason: 'Reads the ledger',
    });
    expect(tagged.account.tags).toEqual(['finance', 'pci']);
    expect(tagged.account.type).toBe('bot');

    const withdrawn = await value('setAccountMetadata', {
      objectGuid: atlas,
      kind: 'type',
      value: null,
      reason: 'oops',
    });
    expect(withdrawn.account).toMatchObject({ type: 'ai-agent', typeDecidedBy: 'pattern' });
    expect(withdrawn.metadata.type).toBeNull();

    const unknown = await core.router.call('setAccountMetadata', {
      objectGuid: 'no-such-guid',
      kind: 'owner',
      value: 'cmacdonald',
      reason: 'x',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
  });

  it('savePolicy with a higher high threshold changes the tiers at once, without a rescan; resetPolicy undoes it', async () => {
    const before = await tiersOf();
    const { inForce, defaults } = await value('getPolicy', {});
    expect(inForce.source).toBe('default');
    expect(inForce.policy).toEqual(defaults);
    const high = defaults.risk.thresholds.high;
    const raised = { ...defaults, risk: { ...defaults.risk, thresholds: { ...defaults.risk.thresholds, high: 12 } } };
    expect(high).toBeLessThan(12);

    const saved = await value('savePolicy', { policy: raised });
    expect(saved).toMatchObject({ source: 'saved', policy: { risk: { thresholds: { high: 12 } } } });
    expect(saved.savedBy).not.toBeNull();
    const after = await tiersOf();
    expect(after.high).toBeLessThan(before.high);
    expect(after.high + after.medium + after.low).toBe(604);
    const sqlreport = await value('getAccountAssessment', { objectGuid: await guidOf('svc-sqlreport') });
    expect(sqlreport.account.score).toBeLessThan(12);
    expect(sqlreport.account.risk).toBe('medium');
    const overview = await value('getRiskOverview', {});
    expect(overview.policy).toMatchObject({ source: 'saved', hash: saved.hash });
    expect(overview.trend.at(-1)?.byTier).toEqual(after);
    expect((await value('getPolicy', {})).inForce).toMatchObject({ source: 'saved', hash: saved.hash });

    const reset = await value('resetPolicy', {});
    expect(reset).toMatchObject({ source: 'default', hash: inForce.hash });
    expect(await tiersOf()).toEqual(before);
  });

  it('savePolicy refuses a bad policy with INVALID_POLICY naming each place, and keeps the one in force', async () => {
    const { defaults } = await value('getPolicy', {});
    const bad = {
      ...defaults,
      risk: { ...defaults.risk, thresholds: { high: 'ten', medium: 7 }, rules: { 'no-such-rule': { weight: 1 } } },
    };
    const refused = await core.router.call('savePolicy', { policy: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_POLICY' } });
    const issues = refused.ok ? [] : (refused.error.details?.['issues'] ?? []);
    expect(Array.isArray(issues) && issues.some((issue) => issue.startsWith('risk.thresholds.high'))).toBe(true);
    expect((await value('getPolicy', {})).inForce.source).toBe('default');
  });

  it('an HR list and a decision about a person reach the assessment through the cache', async () => {
    expect((await value('getRiskOverview', {})).summary.imbalance.activeEmployees).toBeNull();
    const bytes = new Uint8Array(await readFile(join(RESOURCES_DIR, 'demo', 'corp-demo-hr.csv')));
    await value('importHrFile', { fileName: 'corp-demo-hr.csv', bytes });
    const overview = await value('getRiskOverview', {});
    expect(overview.summary.imbalance.activeEmployees).toBeGreaterThan(0);
    expect(overview.trend.at(-1)?.activeEmployees).toBe(overview.summary.imbalance.activeEmployees);

    const atlas = await guidOf('atlas');
    await value('recordMatchDecision', { account: atlas, decision: 'human', reason: 'A person signs in with it' });
    const detail = await value('getAccountAssessment', { objectGuid: atlas });
    expect(detail.account).toMatchObject({ type: 'human', isNhi: false });
  });

  it('leaving the demo drops its assessment: the user’s empty store has no snapshot to assess', async () => {
    await value('getRiskOverview', {});
    await value('leaveDemo', {});
    expect(await core.router.call('getRiskOverview', {})).toMatchObject({ ok: false, error: { code: 'NO_SNAPSHOT' } });
    expect(await core.router.call('listAssessedAccounts', {})).toMatchObject({
      ok: false,
      error: { code: 'NO_SNAPSHOT' },
    });
  });
});
