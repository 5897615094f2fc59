import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HrRecord } from '../../src/hr/fields';
import { importHrFile } from '../../src/hr/import';
import type { AccountResult } from '../../src/hr/outcomes';
import { reconcile, type Reconciliation } from '../../src/hr/reconcile';
import { recordMatchDecision } from '../../src/hr/record-match-decision';
import { scanDirectory } from '../../src/inventory';
import { openStore, type Store } from '../../src/store';
import {
  ADMIN_OU,
  BOTS_OU,
  DISABLED_OU,
  HELPDESK_OU,
  IT_OU,
  MSA_CONTAINER,
  PEOPLE_OU,
  SERVICE_OU,
} from '../dc/company/layout';
import { adminLdapsTarget, startTestDc, type TestDc } from '../dc/test-dc';

let dc: TestDc;
let dir: string;
let store: Store;
let result: Reconciliation;
let hrRows: HrRecord[];
/** Each account's outcome with its DN, from the snapshot. */
let byDn: Map<string, AccountResult & { dn: string }>;

function account(dn: string): AccountResult & { dn: string } {
  const found = byDn.get(dn.toLowerCase());
  if (found === undefined) throw new Error(`no account ${dn} in the snapshot`);
  return found;
}

function inOu(ou: string): (AccountResult & { dn: string })[] {
  return [...byDn.values()].filter((a) => a.dn.toLowerCase().endsWith(`,${ou.toLowerCase()}`));
}

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-reconcile-'));
  store = await openStore({
    path: join(dir, 'warden.db'),
    key: { kind: 'passphrase', passphrase: 'integration reconcile passphrase', scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  await scanDirectory({ target: adminLdapsTarget(dc), password: dc.adminPassword, store });
  const imported = await importHrFile(store, { path: dc.hrCsvPath });
  expect(imported.errorCount).toBe(0);
  hrRows = await store.hr.records();
  const now = new Date(dc.facts.parameters.referenceDate);
  result = await reconcile(store, { now });
  const dns = await store.db
    .selectFrom('accounts')
    .select(['object_guid', 'dn'])
    .where('snapshot_id', '=', result.snapshotId)
    .execute();
  const dnOf = new Map(dns.map((row) => [row.object_guid, row.dn]));
  console.log(`reconciliation of the seeded domain: ${JSON.stringify(result.figures)}`);
  byDn = new Map(
    result.accounts.map((a) => [
      (dnOf.get(a.objectGuid) ?? '').toLowerCase(),
      { ...a, dn: dnOf.get(a.objectGuid) ?? '' },
    ]),
  );
});

afterAll(async () => {
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('reconciling the seeded domain with its HR list', () => {
  it('gives every account an outcome', () => {
    expect(result.accounts).toHaveLength(dc.facts.counts.totalAccounts);
  });

  it('finds the leaver whose account IT never disabled, and her admin account', () => {
    const leaver = account(dc.facts.notable.leaver);
    expect(leaver).toMatchObject({ outcome: 'leaver', enabled: true, secondaryOf: null });
    expect(['employee-id', 'email']).toContain(leaver.rule);
    expect(leaver.reason).toContain('HR status "Terminated"');
    const admin = account(dc.facts.notable.leaverAdminAccount);
    expect(admin).toMatchObject({
      outcome: 'leaver',
      secondaryOf: leaver.objectGuid,
      person: { employeeId: leaver.person?.employeeId },
    });
  });

  it('counts exactly the seeded leavers: enabled ones as leaver, handled ones as matched-disabled', () => {
    const admins = inOu(ADMIN_OU);
    const leaverAdmins = admins.filter((a) => a.outcome === 'leaver').length;
    expect(leaverAdmins).toBeGreaterThanOrEqual(1);
    expect(result.figures.outcomes.leaver).toBe(dc.facts.counts.leaversEnabled + leaverAdmins);
    expect(result.figures.outcomes['matched-disabled']).toBe(dc.facts.counts.leaversDisabled);
    for (const disabled of inOu(DISABLED_OU)) expect(disabled.outcome).toBe('matched-disabled');
  });

  it('matches every person by employee ID or, where AD lacks it, by e-mail', () => {
    const people = [...byDn.values()].filter((a) => a.dn.toLowerCase().endsWith(PEOPLE_OU.toLowerCase()));
    expect(people.length).toBeGreaterThan(100);
    for (const person of people) {
      expect(['matched', 'leaver', 'matched-disabled']).toContain(person.outcome);
      expect(['employee-id', 'email']).toContain(person.rule);
    }
    expect(people.some((p) => p.rule === 'email')).toBe(true);
    expect(account(dc.facts.notable.commaInNamePerson).outcome).toBe('matched');
  });

  it("recognizes every admin account as a person's second account, never as an NHI", () => {
    const admins = inOu(ADMIN_OU);
    expect(admins).toHaveLength(dc.facts.counts.byKind.admin);
    for (const admin of admins) {
      expect(['matched', 'leaver']).toContain(admin.outcome);
      expect(admin.secondaryOf).not.toBeNull();
    }
    expect(admins.some((a) => a.rule === 'secondary-naming')).toBe(true);
  });

  it('leaves service accounts, bots, agents and managed service accounts without a person', () => {
    const nonHuman = [...inOu(SERVICE_OU), ...inOu(BOTS_OU), ...inOu(IT_OU), ...inOu(MSA_CONTAINER)];
    const expected = ['service', 'bot', 'ai-agent', 'gmsa', 'smsa', 'helpdesk', 'operator'] as const;
    expect(nonHuman).toHaveLength(expected.reduce((sum, kind) => sum + dc.facts.counts.byKind[kind], 0));
    for (const nhi of nonHuman) expect(nhi).toMatchObject({ outcome: 'none', person: null });
    expect(account(dc.facts.notable.unhintedAiAgent).outcome).toBe('none');
  });

  it('gives contractors, who are not on the HR list, at most a probable match by name', () => {
    const contractors = inOu(HELPDESK_OU).filter((a) => a.samAccountName.startsWith('ext-'));
    expect(contractors).toHaveLength(dc.facts.counts.byKind.contractor);
    for (const contractor of contractors) expect(['none', 'probable', 'ambiguous']).toContain(contractor.outcome);
    for (const probable of contractors.filter((c) => c.outcome === 'probable')) {
      expect(probable).toMatchObject({ rule: 'fuzzy-name' });
    }
  });

  it('lists the employees without an account', () => {
    const withoutMail = hrRows.filter((row) => row.email === null).length;
    expect(withoutMail).toBeGreaterThan(0);
    expect(result.employees.length).toBeLessThanOrEqual(dc.facts.counts.hrWithoutAccount);
    expect(result.employees.length).toBeGreaterThanOrEqual(
      dc.facts.counts.hrWithoutAccount - dc.facts.counts.byKind.contractor,
    );
    expect(result.figures.employeesWithoutAccount).toBe(result.employees.length);
  });

  it('puts the headline figures in the history of the snapshot', () => {
    const enabled = result.accounts.filter((a) => a.enabled).length;
    const active = hrRows.filter((row) => row.status !== 'terminated').length;
    expect(result.figures).toMatchObject({
      enabledAccounts: enabled,
      activeEmployees: active,
      imbalance: enabled - active,
    });
    expect(result.figures.enabledAccounts).toBeGreaterThan(result.figures.activeEmployees);
    expect(result.figures.nhiPerHuman).toBeGreaterThan(0);
    expect(result.history).toEqual([
      expect.objectContaining({ snapshotId: result.snapshotId, figures: result.figures }),
    ]);
  });

  it('applies a decision to the real accounts at the next reconciliation', async () => {
    const bot = account(dc.facts.notable.bindBot);
    await recordMatchDecision(store, {
      account: bot.samAccountName,
      decision: 'human',
      reason: 'a person logs on with it',
      actor: 'tester',
    });
    const again = await reconcile(store, { now: new Date(dc.facts.parameters.referenceDate) });
    expect(again.accounts.find((a) => a.objectGuid === bot.objectGuid)).toMatchObject({
      outcome: 'human',
      decided: 'human',
    });
    expect(again.figures.humanAccounts).toBe(result.figures.humanAccounts + 1);
  });
});
