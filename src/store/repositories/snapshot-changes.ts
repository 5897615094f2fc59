import { sql, type Kysely } from 'kysely';
import { withImmediateTransaction } from '../immediate-transaction';
import type { NewMembershipRow, WardenDatabase } from '../schema';
import type { RowInserter } from './row-inserter';
import { accountRow, chunks, groupRow, requireRunning } from './snapshot-rows';
import type { SnapshotAccount, SnapshotGroup, SnapshotMembership } from './snapshots';

/**
 * What an incremental rescan does to the copy of the snapshot it started from:
 * put back the objects the DC changed, take out the ones it deleted, and fix
 * up the `member` values that other changes moved. Each call is one
 * transaction on a running snapshot.
 */
export interface SnapshotChanges {
  /**
   * Replaces the accounts with these GUIDs (or adds them). `graphChanged`:
   * some account is new or has another primary group or SID than before.
   */
  putAccounts(id: string, rows: readonly SnapshotAccount[]): Promise<{ written: number; graphChanged: boolean }>;
  /** Replaces the groups with these GUIDs (or adds them), and all of their direct `member` rows. */
  putGroups(id: string, groups: readonly SnapshotGroup[], memberships: readonly SnapshotMembership[]): Promise<number>;
  /** Removes accounts and groups, their `member` rows, and every row that lists them as a member. */
  removeObjects(id: string, guids: readonly string[]): Promise<number>;
  /** Removes `member` rows and `manager`/`managedBy` values naming these DNs (objects deleted on the DC). */
  removeMembers(id: string, dns: readonly string[]): Promise<number>;
  /** Which of these GUIDs are accounts or groups of the snapshot. */
  knownGuids(id: string, guids: readonly string[]): Promise<Set<string>>;
  /** Which of these DNs (lower-cased) some group of the snapshot lists as a member. */
  listedMembers(id: string, dns: readonly string[]): Promise<Set<string>>;
  /** Every account and group GUID of the snapshot. */
  objectGuids(id: string): Promise<Set<string>>;
  /**
   * Rewrites `member` DNs from the member's current DN: AD renames a member in
   * every group that lists it without touching those groups, so their copied
   * rows still carry the old name.
   */
  relinkMembers(id: string, guids: readonly string[]): Promise<number>;
  /** Copies the effective memberships of a complete snapshot, when nothing they derive from has changed. */
  copyEffectiveMemberships(id: string, fromId: string): Promise<number>;
}

/**
 * Columns a later stage (classification, risk) fills in for each snapshot: a
 * copy starts them empty, as a full scan does, so that no stale verdict rides
 * along into the new snapshot (HR outcomes, in a table of their own, are not
 * copied at all).
 */
const DERIVED_ACCOUNT_COLUMNS = new Set([
  'type',
  'is_nhi',
  'risk_tier',
  'risk_score',
  'owner',
  'owner_status',
  'usage',
]);

async function columnsOf(db: Kysely<WardenDatabase>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Copies a snapshot's accounts, groups and `member` rows into another, inside
 * the caller's transaction and without passing through JavaScript. Effective
 * memberships are not copied here: they are derived again, or copied at the
 * end when nothing they depend on changed.
 */
export async function copySnapshotRows(db: Kysely<WardenDatabase>, fromId: string, toId: string): Promise<void> {
  for (const table of ['accounts', 'groups', 'memberships'] as const) {
    const columns = (await columnsOf(db, table)).filter((column) => column !== 'snapshot_id');
    const selected = columns.map((column) =>
      table === 'accounts' && DERIVED_ACCOUNT_COLUMNS.has(column) ? sql`NULL` : sql.ref(column),
    );
    await sql`
      INSERT INTO ${sql.table(table)} (snapshot_id, ${sql.join(columns.map((column) => sql.ref(column)))})
      SELECT ${toId}, ${sql.join(selected)} FROM ${sql.table(table)} WHERE snapshot_id = ${fromId}`.execute(db);
  }
}

/** Values per IN (...) list; SQLite binds at most 32,766. */
const KEYS_PER_STATEMENT = 500;

const keyChunks = (keys: readonly string[]): string[][] => chunks(keys, KEYS_PER_STATEMENT);

function changed(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint; numAffectedRows?: bigint }): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? result.numAffectedRows ?? 0n);
}

interface Rename {
  from: string;
  to: string;
}

/** Objects about to be replaced whose DN differs in the new rows: renamed or moved on the DC. */
function renamesFrom(
  current: readonly { object_guid: string; dn: string }[],
  rows: readonly { objectGuid: string; dn: string }[],
): Rename[] {
  const newDn = new Map(rows.map((row) => [row.objectGuid, row.dn]));
  return current.flatMap((row) => {
    const to = newDn.get(row.object_guid);
    return to === undefined || to === row.dn ? [] : [{ from: row.dn, to }];
  });
}

/**
 * `manager` and `managedBy` are links: AD rewrites them in every object that
 * names a renamed object, and drops them when it is deleted, without raising
 * those objects' USNs. The copied rows are brought in line the same way.
 */
async function repointReferences(db: Kysely<WardenDatabase>, id: string, renames: readonly Rename[]): Promise<void> {
  for (const { from, to } of renames) {
    // Both account columns in one pass: neither is indexed, so each statement reads the whole snapshot.
    await db
      .updateTable('accounts')
      .set((eb) => ({
        manager_dn: eb.case().when('manager_dn', '=', from).then(to).else(eb.ref('manager_dn')).end(),
        managed_by: eb.case().when('managed_by', '=', from).then(to).else(eb.ref('managed_by')).end(),
      }))
      .where('snapshot_id', '=', id)
      .where((eb) => eb.or([eb('manager_dn', '=', from), eb('managed_by', '=', from)]))
      .execute();
    await db
      .updateTable('groups')
      .set({ managed_by: to })
      .where('snapshot_id', '=', id)
      .where('managed_by', '=', from)
      .execute();
  }
}

async function clearReferences(db: Kysely<WardenDatabase>, id: string, dns: readonly string[]): Promise<void> {
  for (const chunk of keyChunks(dns)) {
    await db
      .updateTable('accounts')
      .set((eb) => ({
        manager_dn: eb.case().when('manager_dn', 'in', chunk).then(null).else(eb.ref('manager_dn')).end(),
        managed_by: eb.case().when('managed_by', 'in', chunk).then(null).else(eb.ref('managed_by')).end(),
      }))
      .where('snapshot_id', '=', id)
      .where((eb) => eb.or([eb('manager_dn', 'in', chunk), eb('managed_by', 'in', chunk)]))
      .execute();
    await db
      .updateTable('groups')
      .set({ managed_by: null })
      .where('snapshot_id', '=', id)
      .where('managed_by', 'in', chunk)
      .execute();
  }
}

export function snapshotChanges(db: Kysely<WardenDatabase>, inserter: RowInserter): SnapshotChanges {
  const inRunning = <T>(id: string, work: (trx: Kysely<WardenDatabase>) => Promise<T>): Promise<T> =>
    withImmediateTransaction(db, async (trx) => {
      await requireRunning(trx, id);
      return work(trx);
    });

  return {
    putAccounts(id, rows) {
      return inRunning(id, async (trx) => {
        let written = 0;
        let graphChanged = false;
        for (const chunk of chunks(rows)) {
          const guids = chunk.map((row) => row.objectGuid);
          const before = await trx
            .selectFrom('accounts')
            .select(['object_guid', 'dn', 'sid', 'primary_group_id'])
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', guids)
            .execute();
          const previous = new Map(before.map((row) => [row.object_guid, row]));
          graphChanged ||= chunk.some((row) => {
            const old = previous.get(row.objectGuid);
            return old === undefined || old.sid !== row.sid || old.primary_group_id !== row.primaryGroupId;
          });
          await trx.deleteFrom('accounts').where('snapshot_id', '=', id).where('object_guid', 'in', guids).execute();
          // Their primary-group rows are derived again when the snapshot completes.
          await trx
            .deleteFrom('memberships')
            .where('snapshot_id', '=', id)
            .where('direct', '=', 0)
            .where('member_guid', 'in', guids)
            .execute();
          written += inserter.insert(
            'accounts',
            chunk.map((row) => accountRow(id, row)),
          );
          await repointReferences(trx, id, renamesFrom(before, chunk));
        }
        return { written, graphChanged };
      });
    },

    putGroups(id, groups, memberships) {
      return inRunning(id, async (trx) => {
        let written = 0;
        for (const chunk of chunks(groups)) {
          const guids = chunk.map((group) => group.objectGuid);
          const before = await trx
            .selectFrom('groups')
            .select(['object_guid', 'dn'])
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', guids)
            .execute();
          const renames = renamesFrom(before, chunk);
          await trx.deleteFrom('memberships').where('snapshot_id', '=', id).where('group_guid', 'in', guids).execute();
          await trx.deleteFrom('groups').where('snapshot_id', '=', id).where('object_guid', 'in', guids).execute();
          written += inserter.insert(
            'groups',
            chunk.map((group) => groupRow(id, group)),
          );
          await repointReferences(trx, id, renames);
        }
        const rows = memberships.map((row): NewMembershipRow => ({
          snapshot_id: id,
          group_guid: row.groupGuid,
          member_dn: row.memberDn,
          member_guid: null,
          direct: 1,
        }));
        inserter.insert('memberships', rows);
        return written;
      });
    },

    removeObjects(id, guids) {
      return inRunning(id, async (trx) => {
        let removed = 0;
        for (const chunk of keyChunks(guids)) {
          const dns: string[] = [];
          for (const table of ['accounts', 'groups'] as const) {
            const rows = await trx
              .selectFrom(table)
              .select('dn')
              .where('snapshot_id', '=', id)
              .where('object_guid', 'in', chunk)
              .execute();
            dns.push(...rows.map((row) => row.dn));
          }
          await clearReferences(trx, id, dns);
          await trx
            .deleteFrom('memberships')
            .where('snapshot_id', '=', id)
            .where((eb) => eb.or([eb('group_guid', 'in', chunk), eb('member_guid', 'in', chunk)]))
            .execute();
          const [accounts] = await trx
            .deleteFrom('accounts')
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', chunk)
            .execute();
          const [groups] = await trx
            .deleteFrom('groups')
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', chunk)
            .execute();
          removed += Number(accounts?.numDeletedRows ?? 0n) + Number(groups?.numDeletedRows ?? 0n);
        }
        return removed;
      });
    },

    removeMembers(id, dns) {
      return inRunning(id, async (trx) => {
        let removed = 0;
        await clearReferences(trx, id, dns);
        for (const chunk of keyChunks(dns)) {
          const [result] = await trx
            .deleteFrom('memberships')
            .where('snapshot_id', '=', id)
            .where('member_dn', 'in', chunk)
            .execute();
          removed += Number(result?.numDeletedRows ?? 0n);
        }
        return removed;
      });
    },

    async knownGuids(id, guids) {
      const known = new Set<string>();
      for (const chunk of keyChunks(guids)) {
        for (const table of ['accounts', 'groups'] as const) {
          const rows = await db
            .selectFrom(table)
            .select('object_guid')
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', chunk)
            .execute();
          for (const row of rows) known.add(row.object_guid);
        }
      }
      return known;
    },

    async listedMembers(id, dns) {
      const listed = new Set<string>();
      for (const chunk of keyChunks(dns)) {
        const rows = await db
          .selectFrom('memberships')
          .select('member_dn')
          .distinct()
          .where('snapshot_id', '=', id)
          .where('member_dn', 'in', chunk)
          .execute();
        for (const row of rows) listed.add(row.member_dn.toLowerCase());
      }
      return listed;
    },

    async objectGuids(id) {
      const guids = new Set<string>();
      for (const table of ['accounts', 'groups'] as const) {
        for await (const row of db.selectFrom(table).select('object_guid').where('snapshot_id', '=', id).stream()) {
          guids.add(row.object_guid);
        }
      }
      return guids;
    },

    copyEffectiveMemberships(id, fromId) {
      return inRunning(id, async (trx) => {
        const result = await sql`
          INSERT INTO effective_memberships (snapshot_id, account_guid, group_guid, path)
          SELECT ${id}, account_guid, group_guid, path FROM effective_memberships WHERE snapshot_id = ${fromId}`.execute(
          trx,
        );
        return Number(result.numAffectedRows ?? 0n);
      });
    },

    relinkMembers(id, guids) {
      return inRunning(id, async (trx) => {
        let relinked = 0;
        for (const chunk of keyChunks(guids)) {
          const result = await sql`
            UPDATE memberships SET member_dn = COALESCE(
              (SELECT a.dn FROM accounts a WHERE a.snapshot_id = memberships.snapshot_id AND a.object_guid = memberships.member_guid),
              (SELECT g.dn FROM groups g WHERE g.snapshot_id = memberships.snapshot_id AND g.object_guid = memberships.member_guid),
              member_dn)
            WHERE snapshot_id = ${id} AND direct = 1 AND member_guid IN (${sql.join(chunk)})`.execute(trx);
          relinked += changed(result);
        }
        return relinked;
      });
    },
  };
}
