import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTarget } from '../../src/api/schemas';
import { scanDirectory, type ScanSummary } from '../../src/inventory';
import { openStore, type Store } from '../../src/store';
import { directoryWriter, type DirectoryWriter } from '../dc/directory-writer';
import { adminLdapsTarget, BIND_ACCOUNTS, startTestDc, type TestDc } from '../dc/test-dc';

let dc: TestDc;
let dir: string;
let store: Store;
let writer: DirectoryWriter;

/**
 * Everything a snapshot holds, as sorted lines without the snapshot's id: two snapshots compare as text.
 * `bindAccount`: an account whose logon time (and so its USN and change time) the DC may move on any bind,
 * the second scan's own included; those three fields of it are left out.
 */
async function contentOf(snapshotId: string, bindAccount?: string): Promise<Record<string, string[]>> {
  const lines = (rows: readonly object[]): string[] => rows.map((row) => JSON.stringify(row)).sort();
  const accounts = await store.db.selectFrom('accounts').selectAll().where('snapshot_id', '=', snapshotId).execute();
  const groups = await store.db.selectFrom('groups').selectAll().where('snapshot_id', '=', snapshotId).execute();
  const memberships = await store.db
    .selectFrom('memberships')
    .select(['group_guid', 'member_dn', 'member_guid', 'direct'])
    .where('snapshot_id', '=', snapshotId)
    .execute();
  const effective = await store.db
    .selectFrom('effective_memberships')
    .select(['account_guid', 'group_guid', 'path'])
    .where('snapshot_id', '=', snapshotId)
    .execute();
  const withoutSnapshot = <T extends { snapshot_id: string }>(rows: T[]) =>
    rows.map(({ snapshot_id: _ignored, ...rest }) => rest);
  const withoutBindLogon = accounts.map((row) =>
    row.sam_account_name === bindAccount
      ? { ...row, last_logon_timestamp: null, when_changed: null, usn_changed: null }
      : row,
  );
  return {
    accounts: lines(withoutSnapshot(withoutBindLogon)),
    groups: lines(withoutSnapshot(groups)),
    // DNs compare without case, as AD compares them.
    memberships: lines(memberships.map((row) => ({ ...row, member_dn: row.member_dn.toLowerCase() }))),
    effective: lines(effective),
  };
}

function scan(target: ConnectionTarget, password: string, incremental: boolean): Promise<ScanSummary> {
  return scanDirectory({ target, password, store, incremental });
}

/** The account the admin scans bind as (its sAMAccountName). */
const ADMINISTRATOR = 'Administrator';

const operatorTarget = (): ConnectionTarget => ({
  ...adminLdapsTarget(dc),
  bindName: BIND_ACCOUNTS.operator.userPrincipalName,
});

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-incremental-'));
  store = await openStore({
    path: join(dir, 'warden.db'),
    key: { kind: 'passphrase', passphrase: 'incremental scans', scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  writer = await directoryWriter(dc);
});

afterAll(async () => {
  await writer?.close();
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('an incremental scan', () => {
  const ou = (): string => dc.facts.corpOuDn;
  const computer = (name: string) => ({
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
    sAMAccountName: `${name}$`,
    userAccountControl: '4096',
  });

  it('gives the snapshot a full scan gives, after adds, edits, renames, moves, deletions and membership changes', async () => {
    const { notable } = dc.facts;
    // Objects that exist before the first scan so that the changes below can rename or delete them.
    await writer.add(`CN=WS-INCR01,${ou()}`, computer('WS-INCR01'));
    await writer.add(`CN=WS-INCR03,${ou()}`, computer('WS-INCR03'));
    await writer.add(`CN=Doomed-Group,${ou()}`, {
      objectClass: ['top', 'group'],
      sAMAccountName: 'Doomed-Group',
      member: [notable.leaver, `CN=WS-INCR03,${ou()}`],
    });
    await writer.addValues(notable.appAdminsGroup, 'member', [`CN=Doomed-Group,${ou()}`, `CN=WS-INCR01,${ou()}`]);
    // An owner deleted below: AD drops the link from the sMSA.
    await writer.replace(notable.smsa, 'managedBy', [`CN=WS-INCR03,${ou()}`]);

    const base = await scan(adminLdapsTarget(dc), dc.adminPassword, false);
    expect(base.incremental).toBe(false);
    const baseContent = await contentOf(base.snapshotId, ADMINISTRATOR);

    await writer.add(`CN=svc-incremental-new,${ou()}`, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sAMAccountName: 'svc-incremental-new',
      description: 'Created between two scans',
    });
    await writer.replace(notable.backupOperatorMember, 'description', ['Edited between two scans']);
    const renamed = notable.nestedAdminServiceAccount.replace(/^CN=([^,]+)/, 'CN=$1-renamed');
    await writer.move(notable.nestedAdminServiceAccount, renamed);
    await writer.move(notable.leaver, notable.leaver.replace(/,.*$/, `,${dc.facts.helpdeskOuDn}`));
    // The gMSA's managedBy (and the manager of the people the owner manages) follow the rename.
    const renamedOwner = notable.gmsaOwner.replace(/^CN=([^,]+)/, 'CN=$1 Renamed');
    await writer.move(notable.gmsaOwner, renamedOwner);
    await writer.remove(notable.accountOperatorMember);
    await writer.addValues(notable.tier0AdminsGroup, 'member', [notable.serverOperatorMember]);
    await writer.add(`CN=Incremental-Nested,${ou()}`, {
      objectClass: ['top', 'group'],
      sAMAccountName: 'Incremental-Nested',
      member: [`CN=svc-incremental-new,${ou()}`],
    });
    await writer.addValues(notable.appAdminsGroup, 'member', [`CN=Incremental-Nested,${ou()}`]);
    await writer.move(`CN=WS-INCR01,${ou()}`, `CN=WS-INCR02,${ou()}`);
    await writer.remove(`CN=WS-INCR03,${ou()}`);
    await writer.remove(`CN=Doomed-Group,${ou()}`);

    const incremental = await scan(adminLdapsTarget(dc), dc.adminPassword, true);
    const full = await scan(adminLdapsTarget(dc), dc.adminPassword, false);

    expect(incremental).toMatchObject({ incremental: true, baseSnapshotId: base.snapshotId });
    expect(incremental.changes?.deletionCheck).toBe('tombstones');
    expect(incremental.changes?.changedAccounts).toBeGreaterThanOrEqual(4);
    expect(incremental.changes?.removed).toBeGreaterThanOrEqual(2);
    expect({ accounts: incremental.accounts, groups: incremental.groups }).toEqual({
      accounts: full.accounts,
      groups: full.groups,
    });
    expect(full.accounts).toBe(base.accounts);
    expect(await contentOf(incremental.snapshotId, ADMINISTRATOR)).toEqual(
      await contentOf(full.snapshotId, ADMINISTRATOR),
    );
    // The rows the two snapshots share were changed for the new one only.
    expect(await contentOf(base.snapshotId, ADMINISTRATOR)).toEqual(baseContent);
    const owners = await store.db
      .selectFrom('accounts')
      .select(['dn', 'managed_by'])
      .where('snapshot_id', '=', incremental.snapshotId)
      .where('dn', 'in', [notable.gmsa, notable.smsa])
      .orderBy('dn')
      .execute();
    expect(owners).toEqual([
      { dn: notable.gmsa, managed_by: renamedOwner },
      { dn: notable.smsa, managed_by: null },
    ]);
    expect(await store.snapshots.get(incremental.snapshotId)).toMatchObject({
      kind: 'incremental',
      baseSnapshotId: base.snapshotId,
      status: 'complete',
    });
  });

  it("with nothing changed shares the last snapshot's rows, and reads far fewer objects", async () => {
    const full = await scan(adminLdapsTarget(dc), dc.adminPassword, false);
    const versions = async (): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('account_versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('lineage_id', '=', full.snapshotId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await versions();
    const again = await scan(adminLdapsTarget(dc), dc.adminPassword, true);
    expect(again).toMatchObject({ incremental: true, baseSnapshotId: full.snapshotId });
    const changed = (again.changes?.changedAccounts ?? 0) + (again.changes?.changedGroups ?? 0);
    expect(changed).toBeLessThan(5);
    expect(await contentOf(again.snapshotId, ADMINISTRATOR)).toEqual(await contentOf(full.snapshotId, ADMINISTRATOR));
    // Only the accounts read again got a version of their own; every other row is the full scan's.
    expect((await versions()) - before).toBeLessThanOrEqual(again.changes?.changedAccounts ?? 0);
  });

  it('follows an account whose primary group alone changed into its new effective memberships', async () => {
    const account = dc.facts.notable.bindServiceAccount;
    // Domain Admins: a privileged group, so the move shows in the stored effective memberships.
    const latest = await store.snapshots.latestComplete(null);
    const domainAdmins = await store.db
      .selectFrom('groups')
      .select(['dn', 'sid'])
      .where('snapshot_id', '=', latest?.id ?? '')
      .where('sid', 'like', '%-512')
      .executeTakeFirstOrThrow();
    await writer.addValues(domainAdmins.dn, 'member', [account]);
    const full = await scan(adminLdapsTarget(dc), dc.adminPassword, false);
    await writer.replace(account, 'primaryGroupID', ['512']);
    // AD keeps the primary group out of `member`: the group itself does not change.
    const incremental = await scan(adminLdapsTarget(dc), dc.adminPassword, true);
    const again = await scan(adminLdapsTarget(dc), dc.adminPassword, false);
    expect(incremental).toMatchObject({ incremental: true, baseSnapshotId: full.snapshotId });
    expect(await contentOf(incremental.snapshotId, ADMINISTRATOR)).toEqual(
      await contentOf(again.snapshotId, ADMINISTRATOR),
    );
    expect(await contentOf(incremental.snapshotId, ADMINISTRATOR)).not.toEqual(
      await contentOf(full.snapshotId, ADMINISTRATOR),
    );
  });

  it('falls back to a full scan, with the reason, when the last snapshot was read by another account', async () => {
    const summary = await scan(operatorTarget(), BIND_ACCOUNTS.operator.password, true);
    expect(summary.incremental).toBe(false);
    expect(summary.fullScanReason).toContain(dc.adminUpn);
  });

  it('finds deletions for an account that cannot list tombstones, by the GUIDs still there', async () => {
    const before = await scan(operatorTarget(), BIND_ACCOUNTS.operator.password, false);
    await writer.remove(dc.facts.notable.serverOperatorMember);
    await writer.replace(dc.facts.notable.bindBot, 'description', ['Edited while the operator scans']);
    const incremental = await scan(operatorTarget(), BIND_ACCOUNTS.operator.password, true);
    const full = await scan(operatorTarget(), BIND_ACCOUNTS.operator.password, false);
    expect(incremental).toMatchObject({ incremental: true, baseSnapshotId: before.snapshotId });
    expect(incremental.changes?.deletionCheck).toBe('guid-list');
    expect(incremental.accounts).toBe(before.accounts - 1);
    // Its logon time is days old in the seed, so a bind may refresh it (AD's 9 to 14 day window): even the full
    // scan's own bind, after the incremental one has read the domain.
    const operator = BIND_ACCOUNTS.operator.sAMAccountName;
    expect(await contentOf(incremental.snapshotId, operator)).toEqual(await contentOf(full.snapshotId, operator));
  });
});
