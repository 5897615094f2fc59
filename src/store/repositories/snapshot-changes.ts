import { sql, type Kysely, type RawBuilder } from 'kysely';
import { withImmediateTransaction } from '../immediate-transaction';
import type { NewMembershipRow, WardenDatabase } from '../schema';
import type { RowInserter } from './row-inserter';
import { dataColumns, OPEN_SEQ, retireVersions, reviseVersions, type SnapshotScope } from './row-versions';
import { accountRow, chunks, groupRow, keyChunks, newVersion, requireRunning } from './snapshot-rows';
import type { SnapshotAccount, SnapshotGroup, SnapshotMembership } from './snapshots';

/**
 * What an incremental rescan does to the rows of the snapshot it started from:
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
   * every group that lists it without touching those groups, so their shared
   * rows still carry the old name.
   */
  relinkMembers(id: string, guids: readonly string[]): Promise<number>;
  /** Copies the effective memberships of a complete snapshot, when nothing they derive from has changed. */
  copyEffectiveMemberships(id: string, fromId: string): Promise<number>;
}

const COPIED_TABLES = [
  ['accounts', 'account_versions'],
  ['groups', 'group_versions'],
  ['memberships', 'membership_versions'],
] as const;

/**
 * Copies what a snapshot sees of accounts, groups and `member` rows into the
 * lineage of another, inside the caller's transaction and without passing
 * through JavaScript: for an incremental snapshot that cannot share its base's
 * rows. Effective memberships are not copied here: they are derived again, or
 * copied at the end when nothing they depend on changed.
 */
export async function copySnapshotRows(db: Kysely<WardenDatabase>, fromId: string, to: SnapshotScope): Promise<void> {
  for (const [view, table] of COPIED_TABLES) {
    const columns = (await dataColumns(db, table)).map((column) => sql.ref(column));
    await sql`
      INSERT INTO ${sql.table(table)} (lineage_id, first_seq, last_seq, ${sql.join(columns)})
      SELECT ${to.lineage}, ${to.seq}, ${OPEN_SEQ}, ${sql.join(columns)} FROM ${sql.table(view)} WHERE snapshot_id = ${fromId}`.execute(
      db,
    );
  }
}

const inList = (column: string, keys: readonly string[]) => sql`${sql.ref(column)} IN (${sql.join(keys)})`;

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

/** `column`, or `value` where `column` matches `condition`. */
const replacedWhere = (column: string, condition: RawBuilder<unknown>, value: string | null) =>
  sql`CASE WHEN ${condition} THEN ${value} ELSE ${sql.ref(column)} END`;

/** Sets `manager` and `managedBy` values matching `matches` to `value`, in the accounts and groups the snapshot sees. */
async function replaceReferences(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
  matches: (column: string) => RawBuilder<unknown>,
  value: string | null,
): Promise<void> {
  // Both account columns in one pass: neither is indexed, so each statement reads the whole lineage.
  await reviseVersions(
    db,
    'account_versions',
    scope,
    {
      manager_dn: replacedWhere('manager_dn', matches('manager_dn'), value),
      managed_by: replacedWhere('managed_by', matches('managed_by'), value),
    },
    sql`${matches('manager_dn')} OR ${matches('managed_by')}`,
  );
  await reviseVersions(db, 'group_versions', scope, { managed_by: sql`${value}` }, matches('managed_by'));
}

/**
 * `manager` and `managedBy` are links: AD rewrites them in every object that
 * names a renamed object, and drops them when it is deleted, without raising
 * those objects' USNs. The rows the snapshot shares are brought in line the same way.
 */
async function repointReferences(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
  renames: readonly Rename[],
): Promise<void> {
  for (const { from, to } of renames) {
    await replaceReferences(db, scope, (column) => sql`${sql.ref(column)} = ${from}`, to);
  }
}

async function clearReferences(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
  dns: readonly string[],
): Promise<void> {
  for (const chunk of keyChunks(dns)) {
    await replaceReferences(db, scope, (column) => inList(column, chunk), null);
  }
}

/** The DN the account or group a `member` value points at has now, or the value's own DN. */
const currentMemberDn = (scope: SnapshotScope) => sql`COALESCE(
  (SELECT a.dn FROM account_versions a
   WHERE a.lineage_id = ${scope.lineage} AND a.object_guid = membership_versions.member_guid AND a.last_seq = ${OPEN_SEQ}),
  (SELECT g.dn FROM group_versions g
   WHERE g.lineage_id = ${scope.lineage} AND g.object_guid = membership_versions.member_guid AND g.last_seq = ${OPEN_SEQ}),
  member_dn)`;

export function snapshotChanges(db: Kysely<WardenDatabase>, inserter: RowInserter): SnapshotChanges {
  const inRunning = <T>(
    id: string,
    work: (trx: Kysely<WardenDatabase>, scope: SnapshotScope) => Promise<T>,
  ): Promise<T> => withImmediateTransaction(db, async (trx) => work(trx, await requireRunning(trx, id)));

  return {
    putAccounts(id, rows) {
      return inRunning(id, async (trx, scope) => {
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
          await retireVersions(trx, 'account_versions', scope, inList('object_guid', guids));
          // Their primary-group rows are derived again when the snapshot completes.
          await retireVersions(trx, 'membership_versions', scope, sql`direct = 0 AND ${inList('member_guid', guids)}`);
          written += inserter.insert(
            'account_versions',
            chunk.map((row) => accountRow(scope, row)),
          );
          await repointReferences(trx, scope, renamesFrom(before, chunk));
        }
        return { written, graphChanged };
      });
    },

    putGroups(id, groups, memberships) {
      return inRunning(id, async (trx, scope) => {
        let written = 0;
        for (const chunk of chunks(groups)) {
          const guids = chunk.map((group) => group.objectGuid);
          const before = await trx
            .selectFrom('groups')
            .select(['object_guid', 'dn'])
            .where('snapshot_id', '=', id)
            .where('object_guid', 'in', guids)
            .execute();
          await retireVersions(trx, 'membership_versions', scope, inList('group_guid', guids));
          await retireVersions(trx, 'group_versions', scope, inList('object_guid', guids));
          written += inserter.insert(
            'group_versions',
            chunk.map((group) => groupRow(scope, group)),
          );
          await repointReferences(trx, scope, renamesFrom(before, chunk));
        }
        const rows = memberships.map((row): NewMembershipRow => ({
          ...newVersion(scope),
          group_guid: row.groupGuid,
          member_dn: row.memberDn,
          member_guid: null,
          direct: 1,
        }));
        inserter.insert('membership_versions', rows);
        return written;
      });
    },

    removeObjects(id, guids) {
      return inRunning(id, async (trx, scope) => {
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
          await clearReferences(trx, scope, dns);
          await retireVersions(
            trx,
            'membership_versions',
            scope,
            sql`${inList('group_guid', chunk)} OR ${inList('member_guid', chunk)}`,
          );
          removed += await retireVersions(trx, 'account_versions', scope, inList('object_guid', chunk));
          removed += await retireVersions(trx, 'group_versions', scope, inList('object_guid', chunk));
        }
        return removed;
      });
    },

    removeMembers(id, dns) {
      return inRunning(id, async (trx, scope) => {
        let removed = 0;
        await clearReferences(trx, scope, dns);
        for (const chunk of keyChunks(dns)) {
          removed += await retireVersions(trx, 'membership_versions', scope, inList('member_dn', chunk));
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
      return inRunning(id, async (trx, scope) => {
        let relinked = 0;
        const current = currentMemberDn(scope);
        for (const chunk of keyChunks(guids)) {
          relinked += await reviseVersions(
            trx,
            'membership_versions',
            scope,
            { member_dn: current },
            // Only values that name the object by another DN (case included): the rest stay shared.
            sql`direct = 1 AND ${inList('member_guid', chunk)} AND member_dn <> ${current} COLLATE BINARY`,
          );
        }
        return relinked;
      });
    },
  };
}
