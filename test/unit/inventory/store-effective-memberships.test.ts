import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLdifEntries } from '../../../src/directory';
import { accountRecord, groupRecord, ingestSnapshot, membershipRows } from '../../../src/inventory';
import { dominantDomainSid, readPrivilegedGraph } from '../../../src/inventory/store-effective-memberships';
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
  it('reads the privileged part only: privileged groups, the groups nested in them and their members', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps } = nestedDomain();
    const bystander = userEntry('bystander');
    const domainAdmins = groupEntry('Domain Admins', [apps.dn], 512);
    const unrelated = groupEntry('Printers', [bystander.dn, alice.dn], 1600);
    const id = await store.snapshots.begin({ sourceKind: 'ldif' });
    await store.snapshots.writeAccounts(id, [svc, alice, bystander].map(accountRecord));
    const groups = [domainUsers, apps, domainAdmins, unrelated].map(groupRecord);
    await store.snapshots.writeGroups(id, groups);
    await store.snapshots.writeMemberships(id, groups.flatMap(membershipRows));

    const graph = await readPrivilegedGraph(store, id);
    expect(graph.domainSid).toBe(DOMAIN_SID);
    expect(graph.privileged).toEqual(new Set([groupRecord(domainAdmins).objectGuid]));
    const byName = new Map(graph.groups.map((g) => [g.dn.slice(3, g.dn.indexOf(',')), g]));
    expect([...byName.keys()].sort()).toEqual(['App-Admins', 'Domain Admins']);
    expect(new Set(byName.get('App-Admins')?.memberDns)).toEqual(new Set(apps.member as string[]));
    expect(graph.accounts.map((a) => a.guid).sort()).toEqual(
      [alice, svc].map((entry) => accountRecord(entry).objectGuid).sort(),
    );
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
    await expectStoreError(store.snapshots.graphGroups(id), 'INVALID_DATA');
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
  it('stores the transitive memberships of privileged groups with their paths, and no others', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps } = nestedDomain();
    const domainAdmins = groupEntry('Domain Admins', [apps.dn], 512);
    const result = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([alice, domainUsers, domainAdmins], [svc, apps]),
    });
    const guid = (entry: typeof alice) => groupRecord(entry).objectGuid;
    // App-Admins and Domain Users (the primary group) are not privileged: their rows follow from `member`.
    const expected = [alice, svc].map((account) => ({
      account_guid: accountRecord(account).objectGuid,
      group_guid: guid(domainAdmins),
      path: [guid(apps), guid(domainAdmins)],
    }));
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
    const everyone = groupEntry('Domain Admins', [], 512, { member: users.map((u) => u.dn) });
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
  });
});
