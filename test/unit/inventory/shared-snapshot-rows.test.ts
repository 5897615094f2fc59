import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { accountRecord, groupRecord, ingestSnapshot, membershipRows, type AccountRecord } from '../../../src/inventory';
import { OPEN_SEQ, openStore, type SnapshotGroup, type Store } from '../../../src/store';
import { rawKey, tempStorePath, track } from '../store/helpers';
import { groupEntry, pagesOf, userEntry } from './entries';

/**
 * Snapshots of one lineage share row versions (migration 012): these tests
 * hold the views to what each snapshot read when it completed, whatever the
 * snapshots after it changed, failed or copied.
 */

const SERVICE = 'OU=Service,OU=Corp,DC=corp,DC=example,DC=test';
const TIER1 = 'OU=Tier1,OU=Corp,DC=corp,DC=example,DC=test';
const dnOf = (sam: string, ou = SERVICE): string => `CN=${sam},${ou}`;

// Group RIDs far above the users' (1000 + a counter), so no account SID is ever mistaken for a group's.
const BATCH_RID = 9002;

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
}

/**
 * alice is changed, bob is moved, carol is deleted; dave's manager is bob;
 * svc-batch has another primary group than Domain Users. App-Admins lists
 * alice, bob and carol; Ops lists bob and dave and gets a new member list.
 */
function serviceDomain() {
  const alice = userEntry('alice');
  const bob = userEntry('bob');
  const carol = userEntry('carol');
  const dave = userEntry('dave', { manager: dnOf('bob') });
  const svc = userEntry('svc-batch', { primaryGroupID: String(BATCH_RID) });
  const domainUsers = groupEntry('Domain Users', [], 513);
  const batch = groupEntry('Batch Operators', [], BATCH_RID);
  const apps = groupEntry('App-Admins', [alice.dn, bob.dn, carol.dn], 9000);
  const ops = groupEntry('Ops', [bob.dn, dave.dn], 9001);
  return { alice, bob, carol, dave, svc, domainUsers, batch, apps, ops };
}

type ServiceDomain = ReturnType<typeof serviceDomain>;

async function fullSnapshot(store: Store, domain: ServiceDomain): Promise<string> {
  const { alice, bob, carol, dave, svc, domainUsers, batch, apps, ops } = domain;
  const { snapshotId } = await ingestSnapshot({
    store,
    snapshot: { sourceKind: 'ldap' },
    pages: pagesOf([alice, bob, carol, dave, svc], [domainUsers, batch, apps, ops]),
  });
  return snapshotId;
}

const guidOf = (entry: Parameters<typeof accountRecord>[0]): string => accountRecord(entry).objectGuid;

function movedTo(record: AccountRecord, dn: string): AccountRecord {
  return { ...record, dn, ou: dn.slice(dn.indexOf(',') + 1) };
}

function withoutSnapshotId<T extends { snapshot_id: string }>(rows: readonly T[]): Omit<T, 'snapshot_id'>[] {
  return rows.map(({ snapshot_id: _snapshotId, ...row }) => row);
}

/** Everything a snapshot reads through the views, in a fixed order and without its id, so two snapshots compare. */
async function contentOf(store: Store, snapshotId: string) {
  const accounts = await store.db
    .selectFrom('accounts')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('object_guid')
    .execute();
  const groups = await store.db
    .selectFrom('groups')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('object_guid')
    .execute();
  const memberships = await store.db
    .selectFrom('memberships')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('group_guid')
    .orderBy('member_dn')
    .orderBy('direct')
    .execute();
  return {
    accounts: withoutSnapshotId(accounts),
    groups: withoutSnapshotId(groups),
    memberships: withoutSnapshotId(memberships),
  };
}

/** The `member` rows of a snapshot as readable lines, with GUIDs named by the snapshot's own objects. */
async function memberLines(store: Store, snapshotId: string): Promise<string[]> {
  const names = new Map<string, string>();
  for (const table of ['accounts', 'groups'] as const) {
    const rows = await store.db
      .selectFrom(table)
      .select(['object_guid', 'sam_account_name'])
      .where('snapshot_id', '=', snapshotId)
      .execute();
    for (const row of rows) names.set(row.object_guid, row.sam_account_name ?? row.object_guid);
  }
  const rows = await store.db
    .selectFrom('memberships')
    .select(['group_guid', 'member_dn', 'member_guid', 'direct'])
    .where('snapshot_id', '=', snapshotId)
    .execute();
  return rows
    .map((row) => {
      const member = row.member_guid === null ? 'unresolved' : (names.get(row.member_guid) ?? row.member_guid);
      const how = row.direct === 1 ? 'lists' : 'primary of';
      return `${names.get(row.group_guid) ?? row.group_guid} ${how} ${row.member_dn} = ${member}`;
    })
    .sort();
}

/** The account columns an incremental change touches, by sAMAccountName. */
async function accountsOf(store: Store, snapshotId: string) {
  return store.db
    .selectFrom('accounts')
    .select(['sam_account_name', 'dn', 'description', 'manager_dn', 'primary_group_id'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('sam_account_name')
    .execute();
}

async function placeOf(store: Store, snapshotId: string): Promise<{ lineage_id: string | null; seq: number }> {
  return store.db
    .selectFrom('snapshots')
    .select(['lineage_id', 'seq'])
    .where('id', '=', snapshotId)
    .executeTakeFirstOrThrow();
}

/** Every version of a lineage, ordered, with its placing columns: what "storage" means in these tests. */
async function versionsOf(store: Store, lineage: string) {
  const accounts = await store.db
    .selectFrom('account_versions')
    .selectAll()
    .where('lineage_id', '=', lineage)
    .orderBy('object_guid')
    .orderBy('first_seq')
    .execute();
  const groups = await store.db
    .selectFrom('group_versions')
    .selectAll()
    .where('lineage_id', '=', lineage)
    .orderBy('object_guid')
    .orderBy('first_seq')
    .execute();
  const memberships = await store.db
    .selectFrom('membership_versions')
    .selectAll()
    .where('lineage_id', '=', lineage)
    .orderBy('group_guid')
    .orderBy('member_dn')
    .orderBy('first_seq')
    .execute();
  return { accounts, groups, memberships };
}

/** (group, member DN) pairs a snapshot sees more than once: a `member` value is one row, whatever its letter case. */
async function duplicateMemberships(store: Store) {
  const { rows } = await sql<{ snapshot_id: string; group_guid: string; member_dn: string; n: number }>`
    SELECT snapshot_id, group_guid, member_dn COLLATE NOCASE AS member_dn, count(*) AS n
    FROM memberships
    GROUP BY snapshot_id, group_guid, member_dn COLLATE NOCASE
    HAVING count(*) > 1`.execute(store.db);
  return rows;
}

/** What the incremental of tests 1 and 3 does: change alice, move bob, delete carol, give Ops new members. */
async function applyServiceChanges(store: Store, snapshotId: string, domain: ServiceDomain): Promise<void> {
  const { alice, bob, carol, dave, ops } = domain;
  const put = await store.snapshots.putAccounts(snapshotId, [
    { ...accountRecord(alice), description: 'Runs the nightly export' },
    movedTo(accountRecord(bob), dnOf('bob', TIER1)),
  ]);
  // Same SIDs and primary groups: nothing transitive memberships derive from moved.
  expect(put).toEqual({ written: 2, graphChanged: false });
  expect(await store.snapshots.removeObjects(snapshotId, [guidOf(carol)])).toBe(1);
  const newOps = groupRecord({ ...ops, member: [alice.dn, dave.dn] });
  expect(await store.snapshots.putGroups(snapshotId, [newOps], membershipRows(newOps))).toBe(1);
  // Only App-Admins still names bob by his old DN: Ops was rewritten above.
  expect(await store.snapshots.relinkMembers(snapshotId, [guidOf(alice), guidOf(bob)])).toBe(1);
}

const BASE_MEMBERS = [
  `App-Admins lists ${dnOf('alice')} = alice`,
  `App-Admins lists ${dnOf('bob')} = bob`,
  `App-Admins lists ${dnOf('carol')} = carol`,
  `Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`,
  `Domain Users primary of ${dnOf('alice')} = alice`,
  `Domain Users primary of ${dnOf('bob')} = bob`,
  `Domain Users primary of ${dnOf('carol')} = carol`,
  `Domain Users primary of ${dnOf('dave')} = dave`,
  `Ops lists ${dnOf('bob')} = bob`,
  `Ops lists ${dnOf('dave')} = dave`,
];

const CHANGED_MEMBERS = [
  `App-Admins lists ${dnOf('alice')} = alice`,
  `App-Admins lists ${dnOf('bob', TIER1)} = bob`,
  `Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`,
  `Domain Users primary of ${dnOf('alice')} = alice`,
  `Domain Users primary of ${dnOf('bob', TIER1)} = bob`,
  `Domain Users primary of ${dnOf('dave')} = dave`,
  `Ops lists ${dnOf('alice')} = alice`,
  `Ops lists ${dnOf('dave')} = dave`,
];

const CHANGED_ACCOUNTS = [
  { sam_account_name: 'alice', dn: dnOf('alice'), description: 'Runs the nightly export', manager_dn: null },
  { sam_account_name: 'bob', dn: dnOf('bob', TIER1), description: null, manager_dn: null },
  { sam_account_name: 'dave', dn: dnOf('dave'), description: null, manager_dn: dnOf('bob', TIER1) },
  { sam_account_name: 'svc-batch', dn: dnOf('svc-batch'), description: null, manager_dn: null },
];

describe('an incremental snapshot sharing its base’s rows', () => {
  it('reads its changes while the base reads exactly what it read before', async () => {
    const store = await newStore();
    const domain = serviceDomain();
    const base = await fullSnapshot(store, domain);
    const before = await contentOf(store, base);
    expect(await memberLines(store, base)).toEqual(BASE_MEMBERS);

    const next = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
    await applyServiceChanges(store, next, domain);
    expect(await store.snapshots.complete(next)).toMatchObject({ status: 'complete', accountCount: 4, groupCount: 4 });

    expect((await accountsOf(store, next)).map(({ primary_group_id: _pgid, ...account }) => account)).toEqual(
      CHANGED_ACCOUNTS,
    );
    expect(await memberLines(store, next)).toEqual(CHANGED_MEMBERS);
    expect(await contentOf(store, base)).toEqual(before);
    // Spelled out too, so that a base that changed in step with `before` would not pass unseen.
    expect((await accountsOf(store, base)).map((account) => [account.sam_account_name, account.manager_dn])).toEqual([
      ['alice', null],
      ['bob', null],
      ['carol', null],
      ['dave', dnOf('bob')],
      ['svc-batch', null],
    ]);
    expect(await memberLines(store, base)).toEqual(BASE_MEMBERS);
    expect(await duplicateMemberships(store)).toEqual([]);
  });

  it('stores only what changed: one new account version, the old one closed at the base’s seq', async () => {
    const store = await newStore();
    const users = Array.from({ length: 50 }, (_, i) => userEntry(`svc-${String(i).padStart(2, '0')}`));
    const domainUsers = groupEntry('Domain Users', [], 513);
    const { snapshotId: base } = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldap' },
      pages: pagesOf(users, [domainUsers]),
    });
    const baseVersions = await versionsOf(store, base);
    expect([baseVersions.accounts.length, baseVersions.groups.length, baseVersions.memberships.length]).toEqual([
      50, 1, 50,
    ]);

    const changed = users[17];
    if (changed === undefined) throw new Error('the fixture has 50 users');
    const next = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
    await store.snapshots.putAccounts(next, [{ ...accountRecord(changed), description: 'Owner: payroll' }]);
    await store.snapshots.complete(next, { accounts: 50, groups: 1 });

    expect(await placeOf(store, base)).toEqual({ lineage_id: base, seq: 1 });
    expect(await placeOf(store, next)).toEqual({ lineage_id: base, seq: 2 });
    const after = await versionsOf(store, base);
    expect(after.accounts).toHaveLength(51);
    expect(
      after.accounts
        .filter((row) => row.object_guid === guidOf(changed))
        .map((row) => [row.first_seq, row.last_seq, row.description]),
    ).toEqual([
      [1, 1, null],
      [2, OPEN_SEQ, 'Owner: payroll'],
    ]);
    expect(
      after.accounts.filter((row) => row.object_guid !== guidOf(changed)).map((row) => [row.first_seq, row.last_seq]),
    ).toEqual(Array.from({ length: 49 }, () => [1, OPEN_SEQ]));
    expect(after.groups).toEqual(baseVersions.groups);
    // The changed account's primary-group row is derived again on completion; the other 49 stay shared.
    expect(after.memberships).toHaveLength(51);
    const { n } = await store.db
      .selectFrom('account_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lineage_id', '=', next)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(0);

    const descriptions = async (id: string) =>
      (await store.db.selectFrom('accounts').select('description').where('snapshot_id', '=', id).execute()).map(
        (row) => row.description,
      );
    expect((await descriptions(base)).filter((d) => d !== null)).toEqual([]);
    expect((await descriptions(next)).filter((d) => d !== null)).toEqual(['Owner: payroll']);
    expect(await descriptions(next)).toHaveLength(50);
  });
});

describe('an incremental snapshot that does not complete', () => {
  it.each(['fail', 'cancel'] as const)(
    'leaves the lineage as it was when it ends with %s, and the next incremental shares it again',
    async (ending) => {
      const store = await newStore();
      const domain = serviceDomain();
      const full = await fullSnapshot(store, domain);
      const fullBefore = await contentOf(store, full);
      // The base is itself an incremental (seq 2), so the lineage already holds versions closed at seq 1.
      const base = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: full });
      await store.snapshots.putAccounts(base, [{ ...accountRecord(domain.svc), description: 'Batch runner' }]);
      await store.snapshots.complete(base);
      const baseBefore = await contentOf(store, base);
      const versionsBefore = await versionsOf(store, full);

      const doomed = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
      expect(await placeOf(store, doomed)).toEqual({ lineage_id: full, seq: 3 });
      await applyServiceChanges(store, doomed, domain);
      // The changes were written (the running snapshot reads them) before the scan ended.
      expect((await accountsOf(store, doomed)).map((account) => account.sam_account_name)).toEqual([
        'alice',
        'bob',
        'dave',
        'svc-batch',
      ]);

      const ended =
        ending === 'fail'
          ? await store.snapshots.fail(doomed, 'The connection to dc1:636 was lost during a search.')
          : await store.snapshots.cancel(doomed);
      expect(ended.status).toBe(ending === 'fail' ? 'failed' : 'cancelled');

      expect(await contentOf(store, base)).toEqual(baseBefore);
      expect(await contentOf(store, full)).toEqual(fullBefore);
      expect(await versionsOf(store, full)).toEqual(versionsBefore);
      for (const table of ['account_versions', 'group_versions', 'membership_versions'] as const) {
        const { n } = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('lineage_id', '=', full)
          .where((eb) => eb.or([eb('first_seq', '=', 3), eb('last_seq', '=', 2)]))
          .executeTakeFirstOrThrow();
        expect(Number(n), `${table}: versions written or closed by the ended snapshot`).toBe(0);
      }

      const retry = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
      expect(await placeOf(store, retry)).toEqual({ lineage_id: full, seq: 3 });
      await store.snapshots.putAccounts(retry, [{ ...accountRecord(domain.dave), description: 'Reports' }]);
      await store.snapshots.complete(retry, { accounts: 5, groups: 4 });

      const expected = {
        ...baseBefore,
        accounts: baseBefore.accounts.map((account) =>
          account.sam_account_name === 'dave' ? { ...account, description: 'Reports' } : account,
        ),
      };
      expect(await contentOf(store, retry)).toEqual(expected);
      expect(await memberLines(store, retry)).toEqual(BASE_MEMBERS);
      expect(await contentOf(store, base)).toEqual(baseBefore);
      expect(await contentOf(store, full)).toEqual(fullBefore);
      expect(await duplicateMemberships(store)).toEqual([]);
    },
  );

  it('reads no rows through the views once failed, as a failed full snapshot does', async () => {
    const store = await newStore();
    const domain = serviceDomain();
    const base = await fullSnapshot(store, domain);
    const doomed = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
    await applyServiceChanges(store, doomed, domain);
    await store.snapshots.fail(doomed, 'The connection to dc1:636 was lost during a search.');
    // A failed snapshot's rows are gone (snapshots.test.ts holds a full one to that): readers see nothing of it.
    expect(await contentOf(store, doomed)).toEqual({ accounts: [], groups: [], memberships: [] });

    // Nor, once its seq is taken again, what the next scan wrote.
    const retry = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
    await store.snapshots.putAccounts(retry, [{ ...accountRecord(domain.dave), description: 'Reports' }]);
    await store.snapshots.complete(retry);
    expect((await accountsOf(store, doomed)).map((account) => account.description)).toEqual([]);
  });
});

describe('an incremental snapshot that cannot share its base’s lineage', () => {
  it('gets a lineage of its own when its base is no longer the newest, and every snapshot reads its own rows', async () => {
    const store = await newStore();
    const domain = serviceDomain();
    const a = await fullSnapshot(store, domain);
    const aBefore = await contentOf(store, a);

    const b = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: a });
    await store.snapshots.putAccounts(b, [{ ...accountRecord(domain.alice), description: 'from B' }]);
    await store.snapshots.complete(b);
    const bBefore = await contentOf(store, b);

    const c = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: a });
    expect(await placeOf(store, b)).toEqual({ lineage_id: a, seq: 2 });
    expect(await placeOf(store, c)).toEqual({ lineage_id: c, seq: 1 });
    // A copy of A, not of B: the newest of the lineage is not what C was built on.
    expect(await contentOf(store, c)).toEqual(aBefore);

    await store.snapshots.putAccounts(c, [movedTo(accountRecord(domain.bob), dnOf('bob', TIER1))]);
    await store.snapshots.relinkMembers(c, [guidOf(domain.bob)]);
    await store.snapshots.complete(c);

    expect(await contentOf(store, a)).toEqual(aBefore);
    expect(await contentOf(store, b)).toEqual(bBefore);
    const described = async (id: string) =>
      (await accountsOf(store, id)).map((account) => [account.sam_account_name, account.description, account.dn]);
    expect(await described(b)).toEqual([
      ['alice', 'from B', dnOf('alice')],
      ['bob', null, dnOf('bob')],
      ['carol', null, dnOf('carol')],
      ['dave', null, dnOf('dave')],
      ['svc-batch', null, dnOf('svc-batch')],
    ]);
    expect(await described(c)).toEqual([
      ['alice', null, dnOf('alice')],
      ['bob', null, dnOf('bob', TIER1)],
      ['carol', null, dnOf('carol')],
      ['dave', null, dnOf('dave')],
      ['svc-batch', null, dnOf('svc-batch')],
    ]);
    expect((await accountsOf(store, c)).find((account) => account.sam_account_name === 'dave')?.manager_dn).toBe(
      dnOf('bob', TIER1),
    );
    expect((await memberLines(store, c)).filter((line) => line.endsWith('= bob'))).toEqual([
      `App-Admins lists ${dnOf('bob', TIER1)} = bob`,
      `Domain Users primary of ${dnOf('bob', TIER1)} = bob`,
      `Ops lists ${dnOf('bob', TIER1)} = bob`,
    ]);
    // A lineage of one snapshot holds no closed versions: C's own changes replaced its copied rows in place.
    const cVersions = await versionsOf(store, c);
    expect(cVersions.accounts).toHaveLength(5);
    expect(
      [...cVersions.accounts, ...cVersions.groups, ...cVersions.memberships].every(
        (row) => row.first_seq === 1 && row.last_seq === OPEN_SEQ,
      ),
    ).toBe(true);
    expect(await duplicateMemberships(store)).toEqual([]);
  });

  it('gets a lineage of its own when another incremental on the same base is still running', async () => {
    const store = await newStore();
    const domain = serviceDomain();
    const a = await fullSnapshot(store, domain);
    const aBefore = await contentOf(store, a);

    const first = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: a });
    const second = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: a });
    expect(await placeOf(store, first)).toEqual({ lineage_id: a, seq: 2 });
    expect(await placeOf(store, second)).toEqual({ lineage_id: second, seq: 1 });

    await store.snapshots.putAccounts(first, [{ ...accountRecord(domain.alice), description: 'from first' }]);
    await store.snapshots.removeObjects(second, [guidOf(domain.carol)]);
    await store.snapshots.complete(second);
    await store.snapshots.complete(first);

    expect(await contentOf(store, a)).toEqual(aBefore);
    const summary = async (id: string) =>
      (await accountsOf(store, id)).map((account) => [account.sam_account_name, account.description]);
    expect(await summary(first)).toEqual([
      ['alice', 'from first'],
      ['bob', null],
      ['carol', null],
      ['dave', null],
      ['svc-batch', null],
    ]);
    expect(await summary(second)).toEqual([
      ['alice', null],
      ['bob', null],
      ['dave', null],
      ['svc-batch', null],
    ]);
    expect(await memberLines(store, first)).toEqual(BASE_MEMBERS);
    expect(await memberLines(store, second)).toEqual(BASE_MEMBERS.filter((line) => !line.endsWith('= carol')));
  });

  it('starts a new lineage from a copy once its base’s lineage holds 30 snapshots', async () => {
    const store = await newStore();
    const alice = userEntry('alice');
    const domainUsers = groupEntry('Domain Users', [], 513);
    const { snapshotId: full } = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldap' },
      pages: pagesOf([alice], [domainUsers]),
    });
    const chain = [full];
    let newest = full;
    for (let revision = 1; revision <= 29; revision += 1) {
      const next = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: newest });
      await store.snapshots.putAccounts(next, [{ ...accountRecord(alice), description: `revision ${revision}` }]);
      await store.snapshots.complete(next, { accounts: 1, groups: 1 });
      chain.push(next);
      newest = next;
    }
    expect(await placeOf(store, newest)).toEqual({ lineage_id: full, seq: 30 });

    const copied = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: newest });
    expect(await placeOf(store, copied)).toEqual({ lineage_id: copied, seq: 1 });
    const newestContent = await contentOf(store, newest);
    expect(newestContent.accounts.map((account) => account.description)).toEqual(['revision 29']);
    // Primary-group rows are copied with the rest: the copy reads as its base before it completes.
    expect(await contentOf(store, copied)).toEqual(newestContent);
    await store.snapshots.complete(copied, { accounts: 1, groups: 1 });
    expect(await contentOf(store, copied)).toEqual(newestContent);
    expect(await memberLines(store, copied)).toEqual([`Domain Users primary of ${dnOf('alice')} = alice`]);

    // The new lineage has room: the next incremental shares it.
    const after = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: copied });
    expect(await placeOf(store, after)).toEqual({ lineage_id: copied, seq: 2 });
    await store.snapshots.cancel(after);

    // Every snapshot of the full lineage still reads its own revision.
    for (const [seq, id] of chain.entries()) {
      const [account] = await accountsOf(store, id);
      expect(account?.description, `seq ${seq + 1}`).toBe(seq === 0 ? null : `revision ${seq}`);
    }
    expect((await versionsOf(store, full)).accounts).toHaveLength(30);
    expect(await duplicateMemberships(store)).toEqual([]);
  });
});

describe('primary-group rows of shared snapshots', () => {
  it('derives them for written accounts and for accounts whose primary group came or went, never twice', async () => {
    const store = await newStore();
    const alice = userEntry('alice');
    const bob = userEntry('bob');
    const svc = userEntry('svc-batch', { primaryGroupID: String(BATCH_RID) });
    const domainUsers = groupEntry('Domain Users', [], 513);
    const batch = groupEntry('Batch Operators', [], BATCH_RID);
    const { snapshotId: full } = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldap' },
      pages: pagesOf([alice, bob, svc], [domainUsers, batch]),
    });
    const fullMembers = [
      `Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`,
      `Domain Users primary of ${dnOf('alice')} = alice`,
      `Domain Users primary of ${dnOf('bob')} = bob`,
    ];
    expect(await memberLines(store, full)).toEqual(fullMembers);

    // A new account and a changed one: both written, both get (exactly) their row.
    const added = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: full });
    const erin = userEntry('erin');
    const put = await store.snapshots.putAccounts(added, [
      accountRecord(erin),
      { ...accountRecord(alice), description: 'changed' },
    ]);
    expect(put).toEqual({ written: 2, graphChanged: true });
    await store.snapshots.complete(added);
    const addedMembers = [
      `Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`,
      `Domain Users primary of ${dnOf('alice')} = alice`,
      `Domain Users primary of ${dnOf('bob')} = bob`,
      `Domain Users primary of ${dnOf('erin')} = erin`,
    ];
    expect(await memberLines(store, added)).toEqual(addedMembers);
    expect(await memberLines(store, full)).toEqual(fullMembers);

    // Domain Users deleted: alice, bob and erin lose the row here, and keep it in the snapshots before.
    const removed = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: added });
    expect(await store.snapshots.removeObjects(removed, [groupRecord(domainUsers).objectGuid])).toBe(1);
    await store.snapshots.complete(removed, { accounts: 4, groups: 1 });
    const removedMembers = [`Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`];
    expect(await memberLines(store, removed)).toEqual(removedMembers);
    expect(await memberLines(store, added)).toEqual(addedMembers);
    expect(await memberLines(store, full)).toEqual(fullMembers);

    // A group with the same SID back (a new object) and bob moved to Batch Operators: rows follow both.
    const restored = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: removed });
    const domainUsersAgain = groupEntry('Domain Users', [], 513);
    await store.snapshots.putAccounts(restored, [{ ...accountRecord(bob), primaryGroupId: BATCH_RID }]);
    await store.snapshots.putGroups(restored, [groupRecord(domainUsersAgain)], []);
    await store.snapshots.complete(restored, { accounts: 4, groups: 2 });
    const restoredMembers = [
      `Batch Operators primary of ${dnOf('bob')} = bob`,
      `Batch Operators primary of ${dnOf('svc-batch')} = svc-batch`,
      `Domain Users primary of ${dnOf('alice')} = alice`,
      `Domain Users primary of ${dnOf('erin')} = erin`,
    ];
    expect(await memberLines(store, restored)).toEqual(restoredMembers);
    expect(await memberLines(store, removed)).toEqual(removedMembers);

    // The primary group rewritten in place (same GUID): its derived rows are redone, not added again.
    const rewritten = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: restored });
    const described: SnapshotGroup = { ...groupRecord(domainUsersAgain), description: 'All domain users' };
    await store.snapshots.putGroups(rewritten, [described], []);
    await store.snapshots.complete(rewritten, { accounts: 4, groups: 2 });
    expect(await memberLines(store, rewritten)).toEqual(restoredMembers);
    expect(await memberLines(store, restored)).toEqual(restoredMembers);

    for (const id of [full, added, removed, restored, rewritten]) {
      expect(await placeOf(store, id)).toMatchObject({ lineage_id: full });
    }
    expect(await duplicateMemberships(store)).toEqual([]);
  });
});

describe('member values of accounts that trade DNs', () => {
  it.each(['shared', 'copied'] as const)(
    'follow an account that takes over a renamed one’s DN, in a %s lineage',
    async (lineage) => {
      const store = await newStore();
      // The successor is made first so that its GUID sorts first: its row is rewritten before its predecessor's leaves the DN.
      const successor = userEntry('svc-app-v2');
      const predecessor = userEntry('svc-app');
      const apps = groupEntry('App-Admins', [predecessor.dn, successor.dn], 9000);
      const domainUsers = groupEntry('Domain Users', [], 513);
      const { snapshotId: base } = await ingestSnapshot({
        store,
        snapshot: { sourceKind: 'ldap' },
        pages: pagesOf([predecessor, successor], [domainUsers, apps]),
      });
      if (lineage === 'copied') {
        // Another incremental on the base: the base is no longer the newest of its lineage, so the next one copies.
        const other = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
        await store.snapshots.complete(other);
      }
      const before = await contentOf(store, base);

      const next = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
      expect((await placeOf(store, next)).seq).toBe(lineage === 'copied' ? 1 : 2);
      await store.snapshots.putAccounts(next, [
        movedTo(accountRecord(predecessor), dnOf('svc-app-retired')),
        movedTo(accountRecord(successor), predecessor.dn),
      ]);
      expect(await store.snapshots.relinkMembers(next, [guidOf(predecessor), guidOf(successor)])).toBe(2);
      await store.snapshots.complete(next, { accounts: 2, groups: 2 });

      expect(await memberLines(store, next)).toEqual([
        `App-Admins lists ${dnOf('svc-app')} = svc-app-v2`,
        `App-Admins lists ${dnOf('svc-app-retired')} = svc-app`,
        `Domain Users primary of ${dnOf('svc-app')} = svc-app-v2`,
        `Domain Users primary of ${dnOf('svc-app-retired')} = svc-app`,
      ]);
      expect(await contentOf(store, base)).toEqual(before);
      expect(await duplicateMemberships(store)).toEqual([]);
    },
  );
});
