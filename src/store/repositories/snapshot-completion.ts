import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WardenDatabase } from '../schema';
import { keyChunks, KEYS_PER_STATEMENT } from './snapshot-rows';
import { closedBy, OPEN_SEQ, retireVersions, reviseVersions, writtenBy, type SnapshotScope } from './row-versions';

/**
 * The `member` rows a snapshot derives once all of its objects are in. For a
 * full snapshot that is every row; an incremental one redoes only what its
 * changes can have moved, the rest it shares with the snapshot before it.
 */

/**
 * The account or group `dn` names in the lineage now; the dn columns compare
 * without case, as AD compares DNs. Both ways of writing `member` rows use
 * it: completion here, and the native statement of a full scan's pages.
 */
export const objectByDn = (
  lineage: string | RawBuilder<unknown>,
  dn: RawBuilder<unknown>,
): RawBuilder<unknown> => sql`COALESCE(
  (SELECT object_guid FROM account_versions WHERE lineage_id = ${lineage} AND dn = ${dn} AND last_seq = ${sql.lit(OPEN_SEQ)}),
  (SELECT object_guid FROM group_versions WHERE lineage_id = ${lineage} AND dn = ${dn} AND last_seq = ${sql.lit(OPEN_SEQ)}))`;

/** Gives `member` values still without a GUID the one of the account or group they name, where there is one. */
export async function resolveMemberGuids(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  const object = objectByDn(scope.lineage, sql.ref('membership_versions.member_dn'));
  await reviseVersions(
    db,
    'membership_versions',
    scope,
    { member_guid: object },
    sql`member_guid IS NULL AND ${object} IS NOT NULL`,
  );
}

/**
 * SIDs that name another group (or none) than in the snapshot before: the
 * primary groups that may have moved. A group written again under the same
 * GUID and SID (a membership change) moves no primary-group row.
 */
async function movedGroupSids(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<string[]> {
  const pairs = async (where: RawBuilder<unknown>): Promise<Set<string>> => {
    const { rows } = await sql<{ sid: string; object_guid: string }>`
      SELECT sid, object_guid FROM group_versions WHERE ${where} AND sid IS NOT NULL`.execute(db);
    return new Set(rows.map((row) => JSON.stringify([row.sid, row.object_guid])));
  };
  const before = await pairs(closedBy(scope));
  const now = await pairs(writtenBy(scope));
  const moved = new Set<string>();
  for (const [from, to] of [
    [before, now],
    [now, before],
  ] as const) {
    for (const pair of from) if (!to.has(pair)) moved.add((JSON.parse(pair) as [string, string])[0]);
  }
  return [...moved];
}

/**
 * An account's primary group (Domain Users for most) never lists it in
 * `member`: its SID is the account's domain SID (the account SID without its
 * trailing RID digits) followed by primaryGroupID. Rows are derived for every
 * account in the first snapshot of a lineage; in a later one, for the
 * accounts it wrote, for those that had a row of a group it wrote again (all
 * of a written group's rows are replaced), and for every account whose
 * primary group moved to another group or to none.
 */
export async function derivePrimaryGroupRows(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  if (scope.seq === 1) {
    await insertPrimaryGroupRows(db, scope, sql`a.lineage_id = ${scope.lineage}`);
    return;
  }
  await insertPrimaryGroupRows(db, scope, writtenBy(scope, 'a'));
  // In steps, each through its own index and usually ending at the first: as one statement, SQLite read
  // every `member` row of the lineage.
  const { rows: groups } = await sql<{ object_guid: string }>`
    SELECT object_guid FROM group_versions WHERE ${writtenBy(scope)}`.execute(db);
  const listed = new Set<string>();
  for (const chunk of keyChunks(groups.map((group) => group.object_guid))) {
    const { rows } = await sql<{ member_guid: string | null }>`
      SELECT member_guid FROM membership_versions WHERE ${closedBy(scope)} AND group_guid IN (${sql.join(chunk)})`.execute(
      db,
    );
    for (const row of rows) if (row.member_guid !== null) listed.add(row.member_guid);
  }
  for (const chunk of keyChunks([...listed])) {
    await insertPrimaryGroupRows(
      db,
      scope,
      sql`a.lineage_id = ${scope.lineage} AND a.object_guid IN (${sql.join(chunk)})`,
    );
  }
  const movedSids = await movedGroupSids(db, scope);
  if (movedSids.length === 0) return;
  const primarySid = sql`rtrim(a.sid, '0123456789') || a.primary_group_id`;
  // More SIDs than one IN list holds: every account is redone instead.
  const moved = movedSids.length > KEYS_PER_STATEMENT ? sql`1` : sql`${primarySid} IN (${sql.join(movedSids)})`;
  const accounts = sql`a.lineage_id = ${scope.lineage} AND a.last_seq = ${OPEN_SEQ} AND a.sid IS NOT NULL AND ${moved}`;
  await retireVersions(
    db,
    'membership_versions',
    scope,
    sql`direct = 0 AND member_guid IN (SELECT a.object_guid FROM account_versions a WHERE ${accounts})`,
  );
  await insertPrimaryGroupRows(db, scope, accounts);
}

async function insertPrimaryGroupRows(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
  accounts: RawBuilder<unknown>,
): Promise<void> {
  await sql`
    INSERT OR IGNORE INTO membership_versions (lineage_id, group_guid, member_dn, first_seq, last_seq, member_guid, direct)
    SELECT a.lineage_id, g.object_guid, a.dn, ${scope.seq}, ${OPEN_SEQ}, a.object_guid, 0
    FROM account_versions a
    JOIN group_versions g
      ON g.lineage_id = a.lineage_id AND g.last_seq = ${OPEN_SEQ} AND g.sid = rtrim(a.sid, '0123456789') || a.primary_group_id
    -- The unary + keeps SQLite from reading the accounts through the SID index, which only skips the null SIDs.
    WHERE (${accounts}) AND a.last_seq = ${OPEN_SEQ} AND +a.sid IS NOT NULL AND a.primary_group_id IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM membership_versions m
        WHERE m.lineage_id = a.lineage_id AND m.group_guid = g.object_guid AND m.member_dn = a.dn
          AND m.last_seq = ${OPEN_SEQ})`.execute(db);
}

/**
 * How many accounts and groups the running snapshot sees. After the first of
 * a lineage: those of the snapshot before it, less what it closed, plus what
 * it wrote, which spares reading every row of the lineage from the disk.
 */
export async function countObjects(
  db: Kysely<WardenDatabase>,
  scope: SnapshotScope,
): Promise<{ accounts: number; groups: number }> {
  const count = async (table: 'account_versions' | 'group_versions', where: RawBuilder<unknown>): Promise<number> => {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
    return Number(rows[0]?.n ?? 0);
  };
  if (scope.seq === 1) {
    const all = sql`lineage_id = ${scope.lineage}`;
    return { accounts: await count('account_versions', all), groups: await count('group_versions', all) };
  }
  const before = await db
    .selectFrom('snapshots')
    .select(['account_count', 'group_count'])
    .where('lineage_id', '=', scope.lineage)
    .where('seq', '=', scope.seq - 1)
    .where('status', '=', 'complete')
    .executeTakeFirstOrThrow();
  const counted = async (table: 'account_versions' | 'group_versions', previous: number): Promise<number> =>
    previous - (await count(table, closedBy(scope))) + (await count(table, writtenBy(scope)));
  return {
    accounts: await counted('account_versions', before.account_count),
    groups: await counted('group_versions', before.group_count),
  };
}
