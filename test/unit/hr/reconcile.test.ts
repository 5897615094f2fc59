import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../src/hr/reconcile';
import { recordMatchDecision } from '../../../src/hr/record-match-decision';
import { openStore, type Store } from '../../../src/store';
import { rawKey, tempStorePath, track } from '../store/helpers';
import { account, DISABLED, NOW, person } from './people';
import { importPeople, writeSnapshot } from './store-fixtures';

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
}

const ann = person({ employeeId: 'E1', email: 'ann@corp.test', firstName: 'Ann', lastName: 'Lee' });
const bob = person({ employeeId: 'E2', email: 'bob@corp.test', status: 'terminated', rawStatus: 'Terminated' });
const cyd = person({ employeeId: 'E3', firstName: 'Cyd', lastName: 'Moreau' });
const dee = person({ employeeId: 'E4', firstName: 'Dee', lastName: 'Nobody' });
const accounts = [
  account({ samAccountName: 'alee', mail: 'ann@corp.test' }),
  account({ samAccountName: 'bob', employeeId: 'E2' }),
  account({ samAccountName: 'cmoreau', displayName: 'Moreau, Cyd' }),
  account({ samAccountName: 'svc-sql', displayName: 'SQL service' }),
  account({ samAccountName: 'svc-old', userAccountControl: DISABLED }),
];
const [annAccount, bobAccount, cydAccount, svcAccount] = accounts as [
  (typeof accounts)[0],
  (typeof accounts)[0],
  (typeof accounts)[0],
  (typeof accounts)[0],
];

async function seeded(): Promise<{ store: Store; snapshotId: string }> {
  const store = await newStore();
  const snapshotId = await writeSnapshot(store, accounts);
  await importPeople(store, [ann, bob, cyd, dee]);
  return { store, snapshotId };
}

const outcomeOf = (result: Awaited<ReturnType<typeof reconcile>>, sam: string) =>
  result.accounts.find((a) => a.samAccountName === sam)?.outcome;

/** Each account's stored outcome, by sAMAccountName. */
function storedOutcomes(store: Store, snapshotId: string) {
  return store.db
    .selectFrom('accounts')
    .innerJoin('hr_outcomes as o', (join) =>
      join.onRef('o.snapshot_id', '=', 'accounts.snapshot_id').onRef('o.object_guid', '=', 'accounts.object_guid'),
    )
    .select(['sam_account_name', 'o.outcome as hr_outcome'])
    .where('accounts.snapshot_id', '=', snapshotId)
    .orderBy('sam_account_name')
    .execute();
}

describe('reconcile', () => {
  it('gives every account of the latest snapshot its outcome, and records outcomes and figures', async () => {
    const { store, snapshotId } = await seeded();
    const result = await reconcile(store, { now: NOW });
    expect(result.snapshotId).toBe(snapshotId);
    expect(Object.fromEntries(result.accounts.map((a) => [a.samAccountName, a.outcome]))).toEqual({
      alee: 'matched',
      bob: 'leaver',
      cmoreau: 'probable',
      'svc-sql': 'none',
      'svc-old': 'none',
    });
    expect(result.employees).toEqual([
      { employeeId: 'E4', rowNumber: dee.rowNumber, name: 'Dee Nobody', status: 'active', outcome: 'no-account' },
    ]);
    expect(result.figures).toMatchObject({ enabledAccounts: 4, activeEmployees: 3, imbalance: 1, nhiPerHuman: 0.5 });
    const stored = await storedOutcomes(store, snapshotId);
    expect(stored.map((row) => row.hr_outcome)).toEqual(['matched', 'leaver', 'probable', 'none', 'none']);
    expect(result.history).toHaveLength(1);
    expect(result.history[0]).toMatchObject({ snapshotId, figures: result.figures });
  });

  it('keeps one figure per snapshot: the history grows with snapshots, not with runs', async () => {
    const { store, snapshotId } = await seeded();
    await reconcile(store, { now: NOW });
    await reconcile(store, { now: NOW });
    const second = await writeSnapshot(store, accounts.slice(0, 2));
    const result = await reconcile(store, { now: NOW });
    expect(result.history.map((h) => [h.snapshotId, h.figures.enabledAccounts])).toEqual([
      [snapshotId, 4],
      [second, 2],
    ]);
    const older = await reconcile(store, { now: NOW, snapshotId });
    expect(older.snapshotId).toBe(snapshotId);
  });

  it('says what is missing before the first scan or import', async () => {
    const store = await newStore();
    await expect(reconcile(store)).rejects.toMatchObject({ code: 'NO_SNAPSHOT' });
    await writeSnapshot(store, accounts);
    await expect(reconcile(store)).rejects.toMatchObject({ code: 'NO_HR_IMPORT' });
    await expect(reconcile(store, { snapshotId: 'nope' })).rejects.toMatchObject({ code: 'SNAPSHOT_NOT_FOUND' });
  });
});

describe('match decisions', () => {
  it('apply from the next reconciliation, survive a new scan and a new HR list, and are audited', async () => {
    const { store } = await seeded();
    await recordMatchDecision(store, {
      account: 'cmoreau',
      decision: 'confirm',
      employeeId: 'e3',
      reason: 'checked with HR',
      actor: 'alice',
    });
    await recordMatchDecision(store, {
      account: svcAccount.objectGuid.toUpperCase(),
      decision: 'human',
      reason: 'shared desk login',
      actor: 'alice',
    });
    await recordMatchDecision(store, {
      account: 'alee',
      decision: 'reject',
      employeeId: 'E1',
      reason: 'not hers',
      actor: 'bob',
    });
    await recordMatchDecision(store, { account: 'bob', decision: 'nhi', reason: 'runs the batch', actor: 'bob' });

    await writeSnapshot(store, accounts);
    await importPeople(store, [ann, bob, cyd, dee], 'hr-next.csv');
    const result = await reconcile(store, { now: NOW });
    expect(outcomeOf(result, 'cmoreau')).toBe('matched');
    expect(result.accounts.find((a) => a.objectGuid === cydAccount.objectGuid)).toMatchObject({
      rule: 'decision',
      decided: 'confirmed',
    });
    expect(outcomeOf(result, 'svc-sql')).toBe('human');
    expect(outcomeOf(result, 'alee')).toBe('none');
    expect(result.employees.map((e) => e.employeeId)).toEqual(['E1', 'E2', 'E4']);
    expect(outcomeOf(result, 'bob')).toBe('none');
    expect(result.figures.humanAccounts).toBe(2);

    const audit = await store.audit.list();
    expect(audit.map((entry) => [entry.actor, entry.action, entry.reason])).toEqual([
      ['alice', 'hr.match-decision.confirm', 'checked with HR'],
      ['alice', 'hr.match-decision.human', 'shared desk login'],
      ['bob', 'hr.match-decision.reject', 'not hers'],
      ['bob', 'hr.match-decision.nhi', 'runs the batch'],
    ]);
    expect(audit[0]).toMatchObject({
      target: `account:${cydAccount.objectGuid}/e3`,
      before: null,
      after: { accountGuid: cydAccount.objectGuid, kind: 'confirm', employeeId: 'e3' },
    });
    expect(await store.audit.verifyChain()).toMatchObject({ ok: true, entries: 4 });
  });

  it('updates the stored outcome of an account a decision changed', async () => {
    const { store, snapshotId } = await seeded();
    await reconcile(store, { now: NOW });
    await recordMatchDecision(store, { account: 'bob', decision: 'nhi', reason: 'runs the batch', actor: 'bob' });
    await reconcile(store, { now: NOW });
    const stored = (await storedOutcomes(store, snapshotId)).filter((row) =>
      ['bob', 'alee'].includes(row.sam_account_name),
    );
    expect(stored).toEqual([
      { sam_account_name: 'alee', hr_outcome: 'matched' },
      { sam_account_name: 'bob', hr_outcome: 'none' },
    ]);
  });

  it('can be withdrawn, and the audit entry keeps what was withdrawn', async () => {
    const { store } = await seeded();
    await recordMatchDecision(store, { account: 'bob', decision: 'nhi', reason: 'runs the batch', actor: 'bob' });
    const withdrawn = await recordMatchDecision(store, {
      account: 'bob',
      decision: 'withdraw',
      reason: 'it is Bob after all',
      actor: 'bob',
    });
    expect(withdrawn.decision).toBeNull();
    expect(outcomeOf(await reconcile(store, { now: NOW }), 'bob')).toBe('leaver');
    const [, entry] = await store.audit.list();
    expect(entry).toMatchObject({ before: { kind: 'nhi', accountGuid: bobAccount.objectGuid }, after: null });
  });

  it('refuses decisions that cannot apply, saying which value is wrong', async () => {
    const { store } = await seeded();
    const decide = (fields: Partial<Parameters<typeof recordMatchDecision>[1]>) =>
      recordMatchDecision(store, { account: 'alee', decision: 'confirm', employeeId: 'E1', reason: 'why', ...fields });
    await expect(decide({ reason: '  ' })).rejects.toMatchObject({ code: 'INVALID_DECISION' });
    await expect(decide({ employeeId: undefined })).rejects.toMatchObject({ code: 'INVALID_DECISION' });
    await expect(decide({ decision: 'nhi' })).rejects.toMatchObject({ code: 'INVALID_DECISION' });
    await expect(decide({ account: 'ghost' })).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      details: { account: 'ghost' },
    });
    await expect(decide({ employeeId: 'E99' })).rejects.toMatchObject({
      code: 'EMPLOYEE_NOT_FOUND',
      details: { employeeId: 'E99' },
    });
    expect(await store.audit.list()).toEqual([]);
    expect(annAccount.samAccountName).toBe('alee');
  });
});
