import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { WardenError } from '../../../src/errors';
import { accountRecord, groupRecord, ingestSnapshot, membershipRows, type ScanProgress } from '../../../src/inventory';
import { openStore, type Store } from '../../../src/store';
import { expectStoreError, rawKey, tempStorePath, track } from '../store/helpers';
import { DOMAIN_SID, groupEntry, nestedDomain, pagesOf, sidBytes, userEntry } from './entries';

async function newStore(clockStart = Date.parse('2025-05-01T00:00:00.000Z')): Promise<Store> {
  let tick = clockStart;
  return track(
    await openStore({
      path: tempStorePath(),
      key: rawKey(),
      create: true,
      // Each call one second later, so snapshots order by time deterministically.
      clock: () => new Date((tick += 1000)),
    }),
  );
}

async function count(
  store: Store,
  table: 'accounts' | 'groups' | 'memberships' | 'effective_memberships',
  snapshotId: string,
) {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('snapshot_id', '=', snapshotId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('snapshots repository', () => {
  it('ends a running snapshot whose writing process is gone when the next one begins, and keeps a live one', async () => {
    const store = await newStore();
    const killed = await store.snapshots.begin({ sourceKind: 'ldap' });
    const live = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.writeAccounts(killed, [accountRecord(userEntry('dead'))]);
    // A process id no process holds: the kernel's limit is far below it.
    await store.db
      .updateTable('snapshots')
      .set({ writer_pid: 2 ** 30 })
      .where('id', '=', killed)
      .execute();

    await store.snapshots.begin({ sourceKind: 'ldap' });

    expect(await store.snapshots.get(killed)).toMatchObject({ status: 'failed' });
    expect((await store.snapshots.get(killed))?.error).toMatch(/process ended/);
    expect(await count(store, 'accounts', killed)).toBe(0);
    expect(await store.snapshots.get(live)).toMatchObject({ status: 'running' });
  });

  it('starts an incremental snapshot as a copy of a complete one, and only of a complete one', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps, tier0 } = nestedDomain();
    const base = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldap' },
      pages: pagesOf([alice, svc], [domainUsers, apps, tier0]),
    });
    const copy = await store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: base.snapshotId });
    expect(await store.snapshots.get(copy)).toMatchObject({ kind: 'incremental', baseSnapshotId: base.snapshotId });
    expect(await count(store, 'accounts', copy)).toBe(base.accounts);
    expect(await count(store, 'groups', copy)).toBe(base.groups);
    // Primary-group rows and effective memberships are derived again when the copy completes.
    expect(await count(store, 'effective_memberships', copy)).toBe(0);
    await store.snapshots.complete(copy);
    expect(await count(store, 'memberships', copy)).toBe(await count(store, 'memberships', base.snapshotId));
    await expectStoreError(
      store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: copy + '-missing' }),
      'INVALID_DATA',
    );
    const running = await store.snapshots.begin({ sourceKind: 'ldap' });
    await expectStoreError(store.snapshots.begin({ sourceKind: 'ldap', baseSnapshotId: running }), 'INVALID_DATA');
  });

  it('begins a running snapshot that readers do not see until it completes', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({
      sourceKind: 'ldap',
      dcHost: 'dc1.corp.example.test',
      invocationId: '76b4a790-c8d5-4425-9dc7-bd497a7c55e9',
      baseDn: 'DC=corp,DC=example,DC=test',
      highestCommittedUsn: '6062',
    });
    expect(await store.snapshots.get(id)).toMatchObject({
      id,
      status: 'running',
      sourceKind: 'ldap',
      profileId: null,
      highestCommittedUsn: 6062,
      finishedAt: null,
      accountCount: 0,
    });
    expect(await store.snapshots.latestComplete()).toBeUndefined();
    expect((await store.snapshots.list()).map((s) => s.id)).toEqual([id]);
  });

  it('writes batches, resolves member GUIDs, adds primary-group memberships and completes', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps, tier0 } = nestedDomain();
    const id = await store.snapshots.begin({ sourceKind: 'ldif' });
    expect(await store.snapshots.writeAccounts(id, [alice, svc].map(accountRecord))).toBe(2);
    const groups = [domainUsers, apps, tier0].map(groupRecord);
    expect(await store.snapshots.writeGroups(id, groups)).toBe(3);
    expect(await store.snapshots.writeMemberships(id, groups.flatMap(membershipRows))).toBe(4);

    const done = await store.snapshots.complete(id, { accounts: 2, groups: 3 });
    expect(done).toMatchObject({ status: 'complete', accountCount: 2, groupCount: 3, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(await store.snapshots.latestComplete()).toEqual(done);

    const rows = await store.db
      .selectFrom('memberships')
      .select(['group_guid', 'member_dn', 'member_guid', 'direct'])
      .where('snapshot_id', '=', id)
      .execute();
    const guidOf = (dn: string) => rows.find((r) => r.member_dn === dn)?.member_guid;
    expect(guidOf(alice.dn)).toBe(accountRecord(alice).objectGuid);
    expect(guidOf(apps.dn)).toBe(groupRecord(apps).objectGuid);
    expect(guidOf('CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=x')).toBeNull();
    // Both users have primaryGroupID 513: Domain Users gets them with direct = 0.
    const implied = rows.filter((r) => r.direct === 0);
    expect(implied.map((r) => r.group_guid)).toEqual([
      groupRecord(domainUsers).objectGuid,
      groupRecord(domainUsers).objectGuid,
    ]);
  });

  it('writes more rows than one INSERT statement holds, and skips a repeated GUID', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({ sourceKind: 'demo' });
    const records = Array.from({ length: 450 }, (_, i) => accountRecord(userEntry(`bulk-${i}`)));
    expect(await store.snapshots.writeAccounts(id, records)).toBe(450);
    expect(await store.snapshots.writeAccounts(id, records.slice(0, 3))).toBe(0);
    expect(await count(store, 'accounts', id)).toBe(450);
  });

  it('a failed snapshot keeps its message, loses its partial rows and never hides the last complete one', async () => {
    const store = await newStore();
    const { alice, svc } = nestedDomain();
    const first = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.writeAccounts(first, [accountRecord(alice)]);
    await store.snapshots.complete(first, { accounts: 1, groups: 0 });

    const second = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.writeAccounts(second, [accountRecord(svc)]);
    const failed = await store.snapshots.fail(second, 'The connection to dc1:636 was lost during a search.');
    expect(failed).toMatchObject({ status: 'failed', error: 'The connection to dc1:636 was lost during a search.' });
    expect(await count(store, 'accounts', second)).toBe(0);
    expect((await store.snapshots.latestComplete())?.id).toBe(first);
    expect(await count(store, 'accounts', first)).toBe(1);

    const third = await store.snapshots.begin({ sourceKind: 'ldap' });
    expect(await store.snapshots.cancel(third)).toMatchObject({ status: 'cancelled', error: null });
    expect((await store.snapshots.latestComplete())?.id).toBe(first);
    expect((await store.snapshots.list()).map((s) => s.status)).toEqual(['cancelled', 'failed', 'complete']);
  });

  it('refuses to write to or finish a snapshot that is not running', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.fail(id, 'boom');
    await expectStoreError(store.snapshots.writeAccounts(id, [accountRecord(userEntry('late'))]), 'INVALID_DATA');
    await expectStoreError(store.snapshots.complete(id, { accounts: 0, groups: 0 }), 'INVALID_DATA');
    await expectStoreError(store.snapshots.cancel('no-such-snapshot'), 'INVALID_DATA');
  });

  it('does not complete a snapshot whose rows differ from the counts the scan made', async () => {
    const store = await newStore();
    const id = await store.snapshots.begin({ sourceKind: 'ldap' });
    await store.snapshots.writeAccounts(id, [accountRecord(userEntry('one'))]);
    const error = await expectStoreError(store.snapshots.complete(id, { accounts: 2, groups: 0 }), 'INVALID_DATA');
    expect(error.details).toMatchObject({ storedAccounts: 1, countedAccounts: 2 });
    expect((await store.snapshots.get(id))?.status).toBe('running');
  });

  it('finds the latest complete snapshot of one profile', async () => {
    const store = await newStore();
    const profile = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example.test', bindName: 'svc' });
    const ofProfile = await store.snapshots.begin({ sourceKind: 'ldap', profileId: profile.id });
    await store.snapshots.complete(ofProfile, { accounts: 0, groups: 0 });
    const other = await store.snapshots.begin({ sourceKind: 'ldif' });
    await store.snapshots.complete(other, { accounts: 0, groups: 0 });
    expect((await store.snapshots.latestComplete(profile.id))?.id).toBe(ofProfile);
    expect((await store.snapshots.latestComplete())?.id).toBe(other);
  });

  it('refuses a USN that is not a whole number', async () => {
    const store = await newStore();
    await expectStoreError(store.snapshots.begin({ sourceKind: 'ldap', highestCommittedUsn: 'lots' }), 'INVALID_DATA');
  });
});

describe('ingestSnapshot from a source other than LDAP', () => {
  it('sorts mixed pages into accounts and groups, skips other objects and reports progress', async () => {
    const store = await newStore();
    const { alice, svc, domainUsers, apps, tier0 } = nestedDomain();
    const computer = {
      dn: 'CN=PC1,DC=x',
      objectClass: ['top', 'user', 'computer'],
      objectSid: sidBytes(`${DOMAIN_SID}-3000`),
    };
    const events: ScanProgress[] = [];
    const result = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([alice, domainUsers], [computer, svc, apps, tier0]),
      estimatedTotal: 10,
      onProgress: (event) => {
        events.push(event);
      },
    });
    expect(result).toMatchObject({ accounts: 2, groups: 3 });
    expect(events.map((e) => [e.phase, e.accounts, e.groups])).toEqual([
      ['groups', 1, 1],
      ['groups', 2, 3],
      ['memberships', 2, 3],
      ['finishing', 2, 3],
    ]);
    expect(events.every((e) => e.estimatedTotal === 10 && e.ratePerSecond >= 0)).toBe(true);
    expect(await store.snapshots.get(result.snapshotId)).toMatchObject({ status: 'complete', accountCount: 2 });
  });

  it('writes accounts several pages at a time, still counting each page in progress', async () => {
    const store = await newStore();
    const pages = Array.from({ length: 12 }, (_, page) =>
      Array.from({ length: 1000 }, (_, index) => userEntry(`batch-${page}-${index}`)),
    );
    const first = pages[0]?.[0];
    if (first === undefined) throw new Error('no first account');
    const group = groupEntry('Batch-Readers', [first.dn], 7001);
    const writes: number[] = [];
    const writeAccounts = store.snapshots.writeAccounts.bind(store.snapshots);
    store.snapshots.writeAccounts = (id, rows) => {
      writes.push(rows.length);
      return writeAccounts(id, rows);
    };
    const events: ScanProgress[] = [];
    const result = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldap' },
      pages: pagesOf(...pages, [group]),
      onProgress: (event) => {
        events.push(event);
      },
    });

    expect(result).toMatchObject({ accounts: 12_000, groups: 1 });
    expect(writes.reduce((sum, rows) => sum + rows, 0)).toBe(12_000);
    expect(writes.length).toBeLessThan(pages.length);
    expect(Math.max(...writes)).toBeLessThan(6_000);
    // One event per page, each counting the accounts read so far, written or not.
    expect(events.filter((event) => event.phase === 'accounts').map((event) => event.accounts)).toEqual(
      pages.map((_, page) => (page + 1) * 1000),
    );
    // The group's page came after the last batch was written: its member row found the account.
    const { rows } = await sql<{ member_guid: string | null }>`
      SELECT member_guid FROM memberships WHERE snapshot_id = ${result.snapshotId} AND direct = 1`.execute(store.db);
    expect(rows).toEqual([{ member_guid: accountRecord(first).objectGuid }]);
  });

  it('marks the snapshot failed with the error message when the source fails, and rethrows it', async () => {
    const store = await newStore();
    const previous = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([userEntry('a')]),
    });
    async function* broken() {
      yield [userEntry('b')];
      throw new WardenError('CONNECTION_LOST', 'The connection to dc1:636 was lost during a search.');
    }
    const error = await ingestSnapshot({ store, snapshot: { sourceKind: 'ldap' }, pages: broken() }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'CONNECTION_LOST' });
    const [latest] = await store.snapshots.list();
    expect(latest).toMatchObject({ status: 'failed', error: 'The connection to dc1:636 was lost during a search.' });
    expect(await count(store, 'accounts', latest?.id ?? '')).toBe(0);
    expect((await store.snapshots.latestComplete())?.id).toBe(previous.snapshotId);
  });

  it('marks the snapshot failed when an entry cannot be mapped, naming the attribute', async () => {
    const store = await newStore();
    const error = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([userEntry('ok'), userEntry('bad', { whenCreated: 'yesterday' })]),
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'INVALID_ATTRIBUTE_VALUE', details: { attribute: 'whenCreated' } });
    expect((await store.snapshots.list())[0]).toMatchObject({ status: 'failed' });
  });

  it('marks the snapshot cancelled when the signal fires between pages', async () => {
    const store = await newStore();
    const controller = new AbortController();
    const error = await ingestSnapshot({
      store,
      snapshot: { sourceKind: 'ldif' },
      pages: pagesOf([userEntry('a')], [userEntry('b')]),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    const [snapshot] = await store.snapshots.list();
    expect(snapshot).toMatchObject({ status: 'cancelled' });
    expect(await count(store, 'accounts', snapshot?.id ?? '')).toBe(0);
    expect(await store.snapshots.latestComplete()).toBeUndefined();
  });

  it('keeps only complete snapshots in view for queries that join through latestComplete', async () => {
    const store = await newStore();
    await ingestSnapshot({ store, snapshot: { sourceKind: 'ldif' }, pages: pagesOf([userEntry('x')]) });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM accounts a JOIN snapshots s ON s.id = a.snapshot_id WHERE s.status = 'complete'`.execute(
      store.db,
    );
    expect(rows[0]?.n).toBe(1);
  });
});
