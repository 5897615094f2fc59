import { describe, expect, it } from 'vitest';
import { accountRecord, groupRecord, ingestSnapshot, type AccountRecord } from '../../../src/inventory';
import { openStore, type Store } from '../../../src/store';
import { rawKey, tempStorePath, track } from '../store/helpers';
import { groupEntry, pagesOf, userEntry } from './entries';

const PEOPLE = 'OU=People,OU=Corp,DC=corp,DC=example,DC=test';

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
}

/**
 * A person who owns a gMSA (managedBy), manages a service account (manager)
 * and a group (managedBy), and a service account whose gMSA names a group as
 * its owner. The references are written in another letter case than the
 * objects' DNs: AD compares DNs without case, and so must the store.
 */
function ownedDomain() {
  const owner = userEntry('jane', { dn: `CN=Jane Doe,${PEOPLE}` });
  const ownerDn = owner.dn.toUpperCase();
  const dbas = groupEntry('DBAs', [], 1600, { managedBy: ownerDn });
  const gmsa = userEntry('gmsa-sql$', {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer', 'msDS-GroupManagedServiceAccount'],
    managedBy: ownerDn,
  });
  const gmsaOfGroup = userEntry('gmsa-web$', {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer', 'msDS-GroupManagedServiceAccount'],
    managedBy: dbas.dn.toLowerCase(),
  });
  // manager and managedBy naming different objects: changing one must leave the other.
  const svc = userEntry('svc-report', { manager: ownerDn, managedBy: dbas.dn });
  return { owner, dbas, gmsa, gmsaOfGroup, svc };
}

async function references(store: Store, snapshotId: string) {
  const accounts = await store.db
    .selectFrom('accounts')
    .select(['sam_account_name', 'manager_dn', 'managed_by'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('sam_account_name')
    .execute();
  const groups = await store.db
    .selectFrom('groups')
    .select(['sam_account_name', 'managed_by'])
    .where('snapshot_id', '=', snapshotId)
    .execute();
  return { accounts, groups };
}

/** A full snapshot of the domain, and a running incremental copy of it. */
async function copyOf(store: Store, domain: ReturnType<typeof ownedDomain>): Promise<{ base: string; copy: string }> {
  const { owner, dbas, gmsa, gmsaOfGroup, svc } = domain;
  const { snapshotId: base } = await ingestSnapshot({
    store,
    snapshot: { sourceKind: 'ldap' },
    pages: pagesOf([owner, gmsa, gmsaOfGroup, svc], [dbas]),
  });
  return { base, copy: await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base }) };
}

function movedTo(record: AccountRecord, dn: string): AccountRecord {
  return { ...record, dn, ou: dn.slice(dn.indexOf(',') + 1) };
}

describe('managedBy of accounts in a snapshot', () => {
  it('is stored as a full scan reads it, and carried into an incremental copy', async () => {
    const store = await newStore();
    const domain = ownedDomain();
    const { copy } = await copyOf(store, domain);
    const ownerDn = domain.owner.dn.toUpperCase();
    expect(await references(store, copy)).toEqual({
      accounts: [
        { sam_account_name: 'gmsa-sql$', manager_dn: null, managed_by: ownerDn },
        { sam_account_name: 'gmsa-web$', manager_dn: null, managed_by: domain.dbas.dn.toLowerCase() },
        { sam_account_name: 'jane', manager_dn: null, managed_by: null },
        { sam_account_name: 'svc-report', manager_dn: ownerDn, managed_by: domain.dbas.dn },
      ],
      groups: [{ sam_account_name: 'DBAs', managed_by: ownerDn }],
    });
  });

  it('follows a renamed owner, as AD rewrites the link in every object naming it', async () => {
    const store = await newStore();
    const domain = ownedDomain();
    const { copy } = await copyOf(store, domain);
    const renamed = `CN=Jane Smith,${PEOPLE}`;
    await store.snapshots.putAccounts(copy, [movedTo(accountRecord(domain.owner), renamed)]);
    expect(await references(store, copy)).toEqual({
      accounts: [
        { sam_account_name: 'gmsa-sql$', manager_dn: null, managed_by: renamed },
        { sam_account_name: 'gmsa-web$', manager_dn: null, managed_by: domain.dbas.dn.toLowerCase() },
        { sam_account_name: 'jane', manager_dn: null, managed_by: null },
        { sam_account_name: 'svc-report', manager_dn: renamed, managed_by: domain.dbas.dn },
      ],
      groups: [{ sam_account_name: 'DBAs', managed_by: renamed }],
    });
  });

  it('follows a group that owns accounts when it is moved', async () => {
    const store = await newStore();
    const domain = ownedDomain();
    const { copy } = await copyOf(store, domain);
    const moved = { ...groupRecord(domain.dbas), dn: 'CN=DBAs,OU=Tier1,OU=Corp,DC=corp,DC=example,DC=test' };
    await store.snapshots.putGroups(copy, [moved], []);
    const { accounts } = await references(store, copy);
    expect(accounts.filter((row) => row.managed_by === moved.dn).map((row) => row.sam_account_name)).toEqual([
      'gmsa-web$',
      'svc-report',
    ]);
  });

  it('is cleared when the owner is deleted, whether found by its tombstone DN or its GUID', async () => {
    const store = await newStore();
    const domain = ownedDomain();
    const { base, copy: byDn } = await copyOf(store, domain);
    await store.snapshots.removeMembers(byDn, [domain.owner.dn]);
    const byGuid = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base });
    await store.snapshots.removeObjects(byGuid, [accountRecord(domain.owner).objectGuid]);
    for (const id of [byDn, byGuid]) {
      const { accounts, groups } = await references(store, id);
      expect(accounts.find((row) => row.sam_account_name === 'gmsa-sql$')).toMatchObject({ managed_by: null });
      expect(accounts.find((row) => row.sam_account_name === 'svc-report')).toEqual({
        sam_account_name: 'svc-report',
        manager_dn: null,
        managed_by: domain.dbas.dn,
      });
      expect(groups).toEqual([{ sam_account_name: 'DBAs', managed_by: null }]);
    }
  });
});
