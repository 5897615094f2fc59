import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../src/cli/resources-dir';
import { importHrFile } from '../../src/hr/import';
import { scanDirectory } from '../../src/inventory';
import {
  assess,
  currentPolicy,
  savePolicy,
  usageHistory,
  type AccountAssessment,
  type Assessment,
} from '../../src/risk';
import { openStore, type Store } from '../../src/store';
import { directoryWriter } from '../dc/directory-writer';
import { ADMIN_OU, BOTS_OU, MSA_CONTAINER, PEOPLE_OU, SERVICE_OU } from '../dc/company/layout';
import { adminLdapsTarget, startTestDc, type TestDc } from '../dc/test-dc';

let dc: TestDc;
let dir: string;
let store: Store;
let first: Assessment;

function byDn(assessment: Assessment, dn: string): AccountAssessment {
  const found = assessment.accounts.find((account) => account.dn.toLowerCase() === dn.toLowerCase());
  if (found === undefined) throw new Error(`no account ${dn} in the assessment`);
  return found;
}

function notable(role: keyof TestDc['facts']['notable']): AccountAssessment {
  return byDn(first, dc.facts.notable[role]);
}

function reasonIds(account: AccountAssessment): string[] {
  return account.reasons.map((reason) => reason.id);
}

function inOu(assessment: Assessment, ou: string): AccountAssessment[] {
  return assessment.accounts.filter((account) => account.dn.toLowerCase().endsWith(`,${ou.toLowerCase()}`));
}

const scan = () => scanDirectory({ target: adminLdapsTarget(dc), password: dc.adminPassword, store });

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-risk-'));
  store = await openStore({
    path: join(dir, 'warden.db'),
    key: { kind: 'passphrase', passphrase: 'integration risk passphrase', scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  await scan();
  const imported = await importHrFile(store, { path: dc.hrCsvPath });
  expect(imported.errorCount).toBe(0);
  first = await assess(store, { resourcesDir: RESOURCES_DIR });
  console.log(
    `risk of the seeded domain: ${JSON.stringify({ byTier: first.summary.byTier, byType: first.summary.byType })}`,
  );
});

afterAll(async () => {
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('classifying the seeded domain', () => {
  it('assesses every account with the values of the contract', () => {
    expect(first.accounts).toHaveLength(dc.facts.counts.totalAccounts);
    for (const account of first.accounts) {
      expect(['high', 'medium', 'low']).toContain(account.risk);
      expect(account.score).toBeGreaterThanOrEqual(3);
      expect(account.score).toBeLessThanOrEqual(15);
      expect(account.typeSignals.length).toBeGreaterThan(0);
    }
  });

  it('types people, admin accounts, services, bots and managed service accounts by where the seed put them', () => {
    const share = (accounts: AccountAssessment[], types: string[]) =>
      accounts.filter((account) => types.includes(account.type)).length / accounts.length;
    expect(share(inOu(first, ADMIN_OU), ['human-secondary'])).toBe(1);
    expect(share(inOu(first, MSA_CONTAINER), ['gmsa', 'smsa'])).toBe(1);
    expect(share(inOu(first, BOTS_OU), ['bot', 'ai-agent'])).toBe(1);
    expect(share(inOu(first, SERVICE_OU), ['service', 'ai-agent'])).toBe(1);
    const people = first.accounts.filter((account) => account.dn.toLowerCase().includes(PEOPLE_OU.toLowerCase()));
    expect(share(people, ['human'])).toBeGreaterThanOrEqual(0.99);
    expect(first.summary.byType.gmsa + first.summary.byType.smsa).toBe(
      dc.facts.counts.byKind.gmsa + dc.facts.counts.byKind.smsa,
    );
  });

  it('recognizes an AI agent whose name gives nothing away by its description', () => {
    const agent = notable('unhintedAiAgent');
    expect(agent.type).toBe('ai-agent');
    expect(agent.isNhi).toBe(true);
    expect(agent.typeSignals.map((signal) => signal.id)).toContain('description-keyword');
    expect(agent.typeSignals.map((signal) => signal.id)).not.toContain('name-pattern');
  });

  it('types a gMSA by its object class and takes its owner from managedBy', () => {
    const gmsa = notable('gmsa');
    expect(gmsa.type).toBe('gmsa');
    expect(gmsa.ownerSource).toBe('managedBy');
    expect(gmsa.ownerDn?.toLowerCase()).toBe(dc.facts.notable.gmsaOwner.toLowerCase());
    expect(gmsa.ownerStatus).toBe('active');
  });
});

describe('risk of the accounts seeded with known problems', () => {
  it('finds the nested path of a service account to Domain Admins and rates it high', () => {
    const account = notable('nestedAdminServiceAccount');
    expect(account.risk).toBe('high');
    expect(account.factors.criticality).toBe(5);
    const critical = account.reasons.find((reason) => reason.id === 'privileged-critical');
    expect(critical?.evidence.summary).toContain('App-Admins → Tier0-Admins → Domain Admins');
    const toDomainAdmins = account.privilegedPaths.find(
      (path) => path.group.toLowerCase() === dc.facts.notable.domainAdminsGroup.toLowerCase(),
    );
    expect(toDomainAdmins?.path.map((dn) => dn.toLowerCase())).toEqual(
      [dc.facts.notable.appAdminsGroup, dc.facts.notable.tier0AdminsGroup, dc.facts.notable.domainAdminsGroup].map(
        (dn) => dn.toLowerCase(),
      ),
    );
  });

  it('marks a service account owned by a leaver as orphaned', () => {
    const account = notable('leaverOwnedServiceAccount');
    expect(account.type).toBe('service');
    expect(account.ownerStatus).toBe('leaver');
    expect(account.ownerDn?.toLowerCase()).toBe(dc.facts.notable.leaver.toLowerCase());
    expect(account.orphaned).toBe(true);
    expect(reasonIds(account)).toEqual(expect.arrayContaining(['orphaned', 'owner-leaver']));
  });

  it('reports each hygiene finding on the account seeded with it', () => {
    expect(reasonIds(notable('asRepRoastable'))).toEqual(
      expect.arrayContaining(['asrep-roastable', 'password-not-required', 'service-principal']),
    );
    expect(reasonIds(notable('unconstrainedDelegation'))).toContain('unconstrained-delegation');
    expect(reasonIds(notable('backupOperatorMember'))).toContain('privileged-high');
    expect(reasonIds(notable('accountOperatorMember'))).toContain('privileged-high');
    const stale = notable('staleAdminCount').reasons.find((reason) => reason.id === 'admin-count');
    expect(stale?.evidence.details?.stale).toBe(true);
  });

  it('counts the leavers still enabled as anomalies', () => {
    const leavers = first.anomalies.filter((anomaly) => anomaly.kind === 'leaver-enabled');
    expect(leavers.length).toBe(first.accounts.filter((a) => a.hr === 'leaver').length);
    expect(leavers.length).toBeGreaterThan(0);
  });
});

describe('a policy change', () => {
  it('re-scores without a rescan', async () => {
    const snapshotsBefore = (await store.snapshots.list()).length;
    const { policy } = await currentPolicy(store, RESOURCES_DIR);
    const engineers = first.accounts.filter((a) => a.dn.includes('OU=Engineering,'));
    expect(engineers.length).toBeGreaterThan(0);
    await savePolicy(
      store,
      {
        ...policy,
        risk: {
          ...policy.risk,
          thresholds: { high: 6, medium: 4 },
          sensitiveGroups: [{ group: 'GG-Engineering', label: 'source code', level: 5 }],
        },
      },
      'integration test',
    );
    const rescored = await assess(store, { resourcesDir: RESOURCES_DIR });
    expect((await store.snapshots.list()).length).toBe(snapshotsBefore);
    expect(rescored.snapshot.id).toBe(first.snapshot.id);
    expect(rescored.policy.source).toBe('saved');
    expect(rescored.summary.byTier.high).toBeGreaterThan(first.summary.byTier.high);
    const engineer = byDn(rescored, engineers.find((a) => a.enabled)?.dn ?? '');
    expect(engineer.factors.sensitivity).toBe(5);
    expect(engineer.reasons.find((r) => r.id === 'sensitive-group')?.evidence.summary).toContain('source code');
    await store.policy.clear('integration test');
  });
});

describe('anomalies between two scans', () => {
  let second: Assessment;
  let dormantDn: string;
  let expiredDn: string;
  const newAdminDn = `CN=svc-new-admin,${SERVICE_OU}`;

  beforeAll(async () => {
    const writer = await directoryWriter(dc);
    try {
      await writer.add(newAdminDn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'user'],
        sAMAccountName: 'svc-new-admin',
        userAccountControl: '514',
      });
      await writer.addValues(dc.facts.notable.domainAdminsGroup, 'member', [newAdminDn]);
      await writer.addValues(dc.facts.notable.domainAdminsGroup, 'member', [dc.facts.notable.leaverOwnedBot]);
      const dormant = first.accounts.find(
        (a) => a.usage === 'dormant' && a.enabled && a.dn.toLowerCase().includes(SERVICE_OU.toLowerCase()),
      );
      const expired = first.accounts.find((a) => a.usage === 'expired');
      if (dormant === undefined || expired === undefined) throw new Error('the seed has no dormant or expired account');
      dormantDn = dormant.dn;
      expiredDn = expired.dn;
      // -1 makes the DC stamp the current time: what a password reset does to pwdLastSet.
      await writer.replace(dormantDn, 'pwdLastSet', ['0']);
      await writer.replace(dormantDn, 'pwdLastSet', ['-1']);
      await writer.replace(expiredDn, 'accountExpires', ['0']);
    } finally {
      await writer.close();
    }
    await scan();
    second = await assess(store, { resourcesDir: RESOURCES_DIR });
  });

  function anomaliesOf(kind: string) {
    return second.anomalies.filter((anomaly) => anomaly.kind === kind);
  }

  it('compares with the previous snapshot', () => {
    expect(second.previousSnapshotId).toBe(first.snapshot.id);
  });

  it('reports a new account that is already in a privileged group', () => {
    const found = anomaliesOf('new-privileged-account').find((a) => a.samAccountName === 'svc-new-admin');
    expect(found?.groups?.map((dn) => dn.toLowerCase())).toContain(dc.facts.notable.domainAdminsGroup.toLowerCase());
  });

  it('reports a privileged membership added to an existing account', () => {
    const bot = byDn(second, dc.facts.notable.leaverOwnedBot);
    const found = anomaliesOf('privileged-membership-added').find((a) => a.objectGuid === bot.objectGuid);
    expect(found?.groups?.map((dn) => dn.toLowerCase())).toContain(dc.facts.notable.domainAdminsGroup.toLowerCase());
    expect(bot.risk).toBe('high');
  });

  it('reports a fresh password change on a dormant account', () => {
    const account = byDn(second, dormantDn);
    expect(anomaliesOf('dormant-password-change').map((a) => a.objectGuid)).toContain(account.objectGuid);
  });

  it('reports an expiry date removed', () => {
    const account = byDn(second, expiredDn);
    expect(account.usage).not.toBe('expired');
    expect(anomaliesOf('expiry-removed').map((a) => a.objectGuid)).toContain(account.objectGuid);
  });

  it('shows an account’s usage across the snapshots, oldest first, and leaves out those without it', async () => {
    const expired = byDn(second, expiredDn);
    const history = await usageHistory(store, second, expired.objectGuid);
    expect(history.map((point) => [point.snapshotId, point.usage])).toEqual([
      [first.snapshot.id, 'expired'],
      [second.snapshot.id, expired.usage],
    ]);
    const dormant = await usageHistory(store, second, byDn(second, dormantDn).objectGuid);
    expect(dormant.map((point) => point.usage)).toEqual(['dormant', 'dormant']);
    const [before, after] = dormant;
    // The reset between the scans shows in the second point only.
    expect(after?.pwdLastSet).not.toBe(before?.pwdLastSet);
    expect(Date.parse(after?.pwdLastSet ?? '')).toBeGreaterThanOrEqual(Date.parse(first.snapshot.startedAt) - 1_000);
    expect(after?.lastLogonTimestamp).toBe(before?.lastLogonTimestamp);
    const added = await usageHistory(store, second, byDn(second, newAdminDn).objectGuid);
    expect(added.map((point) => [point.snapshotId, point.usage, point.enabled])).toEqual([
      [second.snapshot.id, 'disabled', false],
    ]);
  });

  it('keeps each snapshot’s figures for the trend', async () => {
    const history = await store.riskSummaries.history();
    expect(history.map((entry) => entry.snapshotId)).toEqual([first.snapshot.id, second.snapshot.id]);
  });
});
