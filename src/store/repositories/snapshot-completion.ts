import { sql, type Kysely } from 'kysely';
import type { WardenDatabase } from '../schema';
import { OPEN_SEQ, retireVersions, reviseVersions, type SnapshotScope } from './row-versions';

/**
 * The `member` rows a snapshot derives once all of its objects are in. For a
 * full snapshot that is every row; an incremental one redoes only what its
 * changes can have moved, the rest it shares with the snapshot before it.
 */

/** The object a `member` DN names now, by DN (compared without case, as AD compares DNs). */
const memberObject = (scope: SnapshotScope) => sql`COALESCE(
  (SELECT a.object_guid FROM account_versions a
   WHERE a.lineage_id = ${scope.lineage} AND a.dn = membership_versions.member_dn AND a.last_seq = ${OPEN_SEQ}),
  (SELECT g.object_guid FROM group_versions g
   WHERE g.lineage_id = ${scope.lineage} AND g.dn = membership_versions.member_dn AND g.last_seq = ${OPEN_SEQ}))`;

/** Gives `member` values still without a GUID the one of the account or group they name, where there is one. */
export async function resolveMemberGuids(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  const object = memberObject(scope);
  await reviseVersions(
    db,
    'membership_versions',
    scope,
    { member_guid: object },
    sql`member_guid IS NULL AND ${object} IS NOT NULL`,
  );
}

const MOVED_SIDS_LISTED = 500;

/** SIDs of the groups the running snapshot wrote or took out: primary groups that may have moved. */
async function changedGroupSids(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<string[]> {
  const rows = await db
    .selectFrom('group_versions')
    .select('sid')
    .distinct()
    .where('lineage_id', '=', scope.lineage)
    .where((eb) => eb.or([eb('first_seq', '=', scope.seq), eb('last_seq', '=', scope.seq - 1)]))
    .where('sid', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.sid === null ? [] : [row.sid]));
}

/**
 * An account's primary group (Domain Users for most) never lists it in
 * `member`: its SID is the account's domain SID (the account SID without its
 * trailing RID digits) followed by primaryGroupID. Rows are derived for the
 * accounts this snapshot wrote, and for those whose primary group it wrote or
 * took out; every other account keeps the row it shares.
 */
export async function derivePrimaryGroupRows(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  const primarySid = sql`rtrim(a.sid, '0123456789') || a.primary_group_id`;
  const movedSids = scope.seq === 1 ? [] : await changedGroupSids(db, scope);
  // Past a few hundred SIDs the list would near SQLite's bound-value limit: every account is redone instead.
  const moved =
    movedSids.length === 0
      ? sql`0`
      : movedSids.length > MOVED_SIDS_LISTED
        ? sql`1`
        : sql`${primarySid} IN (${sql.join(movedSids)})`;
  if (movedSids.length > 0) {
    await retireVersions(
      db,
      'membership_versions',
      scope,
      sql`direct = 0 AND member_guid IN (
        SELECT a.object_guid FROM account_versions a
        WHERE a.lineage_id = ${scope.lineage} AND a.last_seq = ${OPEN_SEQ} AND a.sid IS NOT NULL AND ${moved})`,
    );
  }
  await sql`
    INSERT OR IGNORE INTO membership_versions (lineage_id, group_guid, member_dn, first_seq, last_seq, member_guid, direct)
    SELECT a.lineage_id, g.object_guid, a.dn, ${scope.seq}, ${OPEN_SEQ}, a.object_guid, 0
    FROM account_versions a
    JOIN group_versions g ON g.lineage_id = a.lineage_id AND g.last_seq = ${OPEN_SEQ} AND g.sid = ${primarySid}
    WHERE a.lineage_id = ${scope.lineage} AND a.last_seq = ${OPEN_SEQ}
      AND a.sid IS NOT NULL AND a.primary_group_id IS NOT NULL
      AND (a.first_seq = ${scope.seq} OR ${moved})
      AND NOT EXISTS (
        SELECT 1 FROM membership_versions m
        WHERE m.lineage_id = a.lineage_id AND m.group_guid = g.object_guid AND m.member_dn = a.dn
          AND m.last_seq = ${OPEN_SEQ})`.execute(db);
}

/** How many accounts and groups the running snapshot sees. */
export async function countObjects(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
): Promise<{ accounts: number; groups: number }> {
  const count = async (table: 'account_versions' | 'group_versions'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lineage_id', '=', scope.lineage)
      .where('last_seq', '=', OPEN_SEQ)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { accounts: await count('account_versions'), groups: await count('group_versions') };
}
