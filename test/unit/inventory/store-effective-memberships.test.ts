import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLdifEntries } from '../../../src/directory';
import { accountRecord, groupRecord, ingestSnapshot, membershipRows } from '../../../src/inventory';
import { dominantDomainSid } from '../../../src/inventory/store-effective-memberships';
import { openStore, type SnapshotsRepository, type Store } from '../../../src/store';
import { expectStoreError, rawKey, tempStorePath, track } from '../store/helpers';
import { DOMAIN_SID, groupEntry, nestedDomain, pagesOf, userEntry } from './entries';

const DEMO = join(import.meta.dirname, '../../../resources/demo/corp-demo.ldif');

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
}

type EffectiveRow = { account_guid: string; group_guid: string; path: string };

async function effectiveRows(store: Store, snapshotId: string): Promise<EffectiveRow[]> {
  return store.db
    .selectFrom('effective_memberships')
    .select(['account_guid', 'group_guid', 'path'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('account_guid')
    .orderBy('group_guid')
    .execute();
}

async function countOf(store: Store, table: 'accounts' | 'effective_memberships', snapshotId: string) {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('snapshot_id', '=', snapshotId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the membership graph of a running snapshot', () => {
  it('reads accounts in GUID order and each group with its member DNs', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps, tier0 } = nestedDomain();
    const id = await store.snapshots.begin({ sourceKind: 'ldif' });
    await store.snapshots.writeAccounts(id, [svc, alice].map(accountRecord));
    const groups = [domainUsers, apps, tier0].map(groupRecord);
    await store.snapshots.writeGroups(id, groups);
    await store.snapshots.writeMemberships(id, groups.flatMap(membershipRows));

    const graph = await store.snapshots.readMembershipGraph(id);
    const [a, s] = [accountRecord(alice), accountRecord(svc)];
    expect(graph.accounts).toEqual(
      [a, s]
        .sort((x, y) => (x.objectGuid < y.objectGuid ? -1 : 1))
        .map((r) => ({ guid: r.objectGuid, dn: r.dn, sid: r.sid, primaryGroupId: 513 })),
    );
    const byName = new Map(graph.groups.map((g) => [g.dn.slice(3, g.dn.indexOf(',')), g]));
    expect(byName.get('Domain Users')?.memberDns).toEqual([]);
    expect(new Set(byName.get('App-Admins')?.memberDns)).toEqual(new Set(apps.member as string[]));
    expect(byName.get('Tier0')).toMatchObject({ sid: `${DOMAIN_SID}-1501`, memberDns: [apps.dn] });
  });

  it('writes rows in several statements in one transaction, paths as JSON arrays', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({ sourceKind: 'demo' });
    const accounts = Array.from({ length: 300 }, (_, i) => accountRecord(userEntry(`bulk-${i}`)));
    const groups = [groupEntry('G1', [], 1600), groupEntry('G2', [], 1601), groupEntry('G3', [], 1602)].map(
      groupRecord,
    );
    await store.snapshots.writeAccounts(id, accounts);
    await store.snapshots.writeGroups(id, groups);
    const [g1, g2, g3] = groups.map((g) => g.objectGuid) as [string, string, string];
    const rows = accounts.flatMap((account) => [
      { accountGuid: account.objectGuid, groupGuid: g1, path: [g1] },
      { accountGuid: account.objectGuid, groupGuid: g2, path: [g1, g2] },
      { accountGuid: account.objectGuid, groupGuid: g3, path: [g1, g2, g3] },
    ]);
    expect(await store.snapshots.writeEffectiveMemberships(id, rows)).toBe(900);
    const stored = await effectiveRows(store, id);
    expect(stored).toHaveLength(900);
    expect(stored.find((r) => r.group_guid === g3)?.path).toBe(JSON.stringify([g1, g2, g3]));

    // A failure part-way leaves nothing behind of the call that failed.
    function* failing() {
      yield* rows.slice(0, 600);
      throw new Error('the computation failed');
    }
    const other = await store.snapshots.begin({ sourceKind: 'demo' });
    await store.snapshots.writeAccounts(other, accounts);
    await store.snapshots.writeGroups(other, groups);
    await expect(store.snapshots.writeEffectiveMemberships(other, failing())).rejects.toThrow('computation failed');
    expect(await countOf(store, 'effective_memberships', other)).toBe(0);
  });

  it('refuses to read or write a snapshot that is not running', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.complete(id, { accounts: 0, groups: 0 });
    await expectStoreError(store.snapshots.readMembershipGraph(id), 'INVALID_DATA');
    await expectStoreError(store.snapshots.writeEffectiveMemberships(id, []), 'INVALID_DATA');
  });
});

describe('dominantDomainSid', () => {
  it('takes the most common domain part and ignores BUILTIN and missing SIDs', () => {
    const other = 'S-1-5-21-1-2-3';
    expect(dominantDomainSid([`${DOMAIN_SID}-1105`, `${other}-1106`, `${DOMAIN_SID}-512`, 'S-1-5-32-544', null])).toBe(
      DOMAIN_SID,
    );
    expect(dominantDomainSid(['S-1-5-32-544', null])).toBeUndefined();
  });
});

describe('ingestSnapshot and effective memberships', () => {
  it('stores every transitive membership with its path, primary groups included', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps, tier0 } = nestedDomain();
    const result = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([alice, domainUsers, tier0], [svc, apps]),
    });
    const guid = (entry: typeof alice) => groupRecord(entry).objectGuid;
    const expected = [alice, svc].flatMap((account) => [
      { account_guid: accountRecord(account).objectGuid, group_guid: guid(apps), path: [guid(apps)] },
      { account_guid: accountRecord(account).objectGuid, group_guid: guid(tier0), path: [guid(apps), guid(tier0)] },
      { account_guid: accountRecord(account).objectGuid, group_guid: guid(domainUsers), path: [guid(domainUsers)] },
    ]);
    const stored = (await effectiveRows(store, result.snapshotId)).map((r) => ({
      ...r,
      path: JSON.parse(r.path) as string[],
    }));
    const key = (r: { account_guid: string; group_guid: string }) => `${r.account_guid} ${r.group_guid}`;
    expect(stored.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      expected.sort((x, y) => key(x).localeCompare(key(y))),
    );
  });

  it('fails the snapshot, without partial rows, when storing the memberships fails', async () => {
    const store = await newStore();
    const { alice, domainUsers, apps } = nestedDomain();
    // The real write, fed rows that fail once they have all been handed over.
    const snapshots: SnapshotsRepository = {
      ...store.snapshots,
      writeEffectiveMemberships: (id, rows) =>
        store.snapshots.writeEffectiveMemberships(
          id,
          (function* () {
            yield* rows;
            throw new Error('disk full while writing memberships');
          })(),
        ),
    };
    const error = await ingestSnapshot({
      store: { ...store, snapshots },
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([alice, domainUsers, apps]),
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ message: 'disk full while writing memberships' });
    const [snapshot] = await store.snapshots.list();
    expect(snapshot).toMatchObject({ status: 'failed', error: 'disk full while writing memberships' });
    expect(await countOf(store, 'effective_memberships', snapshot?.id ?? '')).toBe(0);
    expect(await countOf(store, 'accounts', snapshot?.id ?? '')).toBe(0);
  });

  it('stops writing part-way when the scan is cancelled, and keeps none of the rows', async () => {
    const store = await newStore();
    const users = Array.from({ length: 1200 }, (_, i) => userEntry(`many-${i}`));
    const everyone = groupEntry('Everyone-Here', [], 1700, { member: users.map((u) => u.dn) });
    const outcomes: unknown[] = [];
    const snapshots: SnapshotsRepository = {
      ...store.snapshots,
      writeEffectiveMemberships: (id, rows) =>
        store.snapshots.writeEffectiveMemberships(id, rows).catch((reason: unknown) => {
          outcomes.push(reason);
          throw reason;
        }),
    };
    const controller = new AbortController();
    const error = await ingestSnapshot({
      store: { ...store, snapshots },
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([...users, everyone]),
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'memberships') controller.abort();
      },
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    // The write itself was stopped, not only the step after it.
    expect(outcomes).toEqual([error]);
    const [snapshot] = await store.snapshots.list();
    expect(snapshot).toMatchObject({ status: 'cancelled' });
    expect(await countOf(store, 'effective_memberships', snapshot?.id ?? '')).toBe(0);
  });

  it('ingests the demo LDIF with the nested service account in Domain Admins', async () => {
    const store = await newStore();
    const result = await ingestSnapshot({ store, snapshot: { sourceKind: 'demo' }, pages: readLdifEntries(DEMO) });
    expect(await store.snapshots.get(result.snapshotId)).toMatchObject({ status: 'complete' });
    expect(result.accounts).toBeGreaterThan(500);

    const groups = await store.db
      .selectFrom('groups')
      .select(['object_guid', 'sam_account_name'])
      .where('snapshot_id', '=', result.snapshotId)
      .execute();
    const nameOf = new Map(groups.map((g) => [g.object_guid, g.sam_account_name]));
    const svc = await store.db
      .selectFrom('accounts')
      .select('object_guid')
      .where('snapshot_id', '=', result.snapshotId)
      .where('sam_account_name', '=', 'svc-sqlreport')
      .executeTakeFirstOrThrow();
    const paths = (await effectiveRows(store, result.snapshotId))
      .filter((r) => r.account_guid === svc.object_guid)
      .map((r) => (JSON.parse(r.path) as string[]).map((guid) => nameOf.get(guid)));
    expect(paths).toContainEqual(['App-Admins', 'Tier0-Admins', 'Domain Admins']);
    expect(await countOf(store, 'effective_memberships', result.snapshotId)).toBeGreaterThan(result.accounts);
  });
});
