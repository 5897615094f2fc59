import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WardenDatabase } from '../schema';

/**
 * How snapshots share rows (see migration 012). A snapshot sees the versions
 * of its lineage whose [first_seq, last_seq] holds its seq. The snapshot
 * being written is always the newest of its lineage, so what it sees is the
 * versions still open (last_seq = OPEN_SEQ); it changes them only through the
 * functions below, which never touch what an earlier snapshot sees:
 * - its own versions (first_seq = its seq) are changed or deleted in place;
 * - a version it shares with earlier snapshots is closed at the seq before
 *   its own, and a changed version starts at its own seq.
 * Undoing all of that (a failed or cancelled scan) is then exact: delete its
 * own versions, open again the ones it closed.
 */
export const OPEN_SEQ = Number.MAX_SAFE_INTEGER;

export type VersionTable = 'account_versions' | 'group_versions' | 'membership_versions';

export const VERSION_TABLES: readonly VersionTable[] = ['account_versions', 'group_versions', 'membership_versions'];

/** Where a running snapshot writes: its lineage and its place in it. */
export interface SnapshotScope {
  id: string;
  lineage: string;
  seq: number;
}

/** The versions of `table` the snapshot of `scope` sees, as a condition on the table's own columns. */
export function seenBy(scope: SnapshotScope): RawBuilder<unknown> {
  return sql`lineage_id = ${scope.lineage} AND first_seq <= ${scope.seq} AND last_seq >= ${scope.seq}`;
}

const columnCache = new Map<VersionTable, readonly string[]>();

/** The table's columns other than those that place a version. */
export async function dataColumns(db: Kysely<WardenDatabase>, table: VersionTable): Promise<readonly string[]> {
  const cached = columnCache.get(table);
  if (cached !== undefined) return cached;
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  const columns = rows
    .map((row) => row.name)
    .filter((name) => name !== 'lineage_id' && name !== 'first_seq' && name !== 'last_seq');
  columnCache.set(table, columns);
  return columns;
}

/** A column of the table, or of its alias when the statement names it so. */
const qualified =
  (alias: string | undefined) =>
  (name: string): RawBuilder<unknown> =>
    sql.ref(alias === undefined ? name : `${alias}.${name}`);

/**
 * The versions the running snapshot wrote (first_seq = its seq) and those it
 * closed (last_seq = the seq before), through the partial indexes migration
 * 012 made for them; each names its index's condition literally so SQLite
 * may use it. Only for a snapshot after the first of its lineage.
 */
export function writtenBy(scope: SnapshotScope, alias?: string): RawBuilder<unknown> {
  const column = qualified(alias);
  return sql`${column('lineage_id')} = ${scope.lineage} AND ${column('first_seq')} = ${scope.seq} AND ${column('first_seq')} > 1`;
}

export function closedBy(scope: SnapshotScope, alias?: string): RawBuilder<unknown> {
  const column = qualified(alias);
  return sql`${column('lineage_id')} = ${scope.lineage} AND ${column('last_seq')} = ${scope.seq - 1} AND ${column('last_seq')} < ${sql.lit(OPEN_SEQ)}`;
}

function affected(result: { numAffectedRows?: bigint }): number {
  return Number(result.numAffectedRows ?? 0n);
}

/** Takes the versions matching `where` out of the running snapshot; returns how many it saw. */
export async function retireVersions(
  db: Kysely<WardenDatabase>,
  table: VersionTable,
  scope: SnapshotScope,
  where: RawBuilder<unknown>,
): Promise<number> {
  const own = await sql`
    DELETE FROM ${sql.table(table)}
    WHERE lineage_id = ${scope.lineage} AND first_seq = ${scope.seq} AND (${where})`.execute(db);
  // The first snapshot of a lineage shares nothing.
  if (scope.seq === 1) return affected(own);
  const shared = await sql`
    UPDATE ${sql.table(table)} SET last_seq = ${scope.seq - 1}
    WHERE lineage_id = ${scope.lineage} AND first_seq < ${scope.seq} AND last_seq = ${OPEN_SEQ} AND (${where})`.execute(
    db,
  );
  return affected(own) + affected(shared);
}

/** Columns of each table's key besides the version's own: a revision that sets one of them moves the row. */
const KEY_COLUMNS: Readonly<Record<VersionTable, readonly string[]>> = {
  account_versions: ['object_guid'],
  group_versions: ['object_guid'],
  membership_versions: ['group_guid', 'member_dn'],
};

/** Sets columns (`set`, expressions over the old version) of the versions matching `where`; returns how many changed. */
type Revision = (
  db: Kysely<WardenDatabase>,
  table: VersionTable,
  scope: SnapshotScope,
  set: Readonly<Record<string, RawBuilder<unknown>>>,
  where: RawBuilder<unknown>,
) => Promise<number>;

/**
 * Revises the running snapshot's own versions that match `where`. SQLite
 * checks a key changed by UPDATE row by row, so two `member` values trading
 * DNs would collide half-way; a revision that moves keys goes through a
 * staging table instead: out, revised, back in.
 */
const reviseOwnVersions: Revision = async (db, table, scope, set, where) => {
  const own = sql`lineage_id = ${scope.lineage} AND first_seq = ${scope.seq} AND (${where})`;
  if (!Object.keys(set).some((column) => KEY_COLUMNS[table].includes(column))) {
    const assignments = Object.entries(set).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
    return affected(await sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE ${own}`.execute(db));
  }
  const columns = await dataColumns(db, table);
  const names = sql.join(['lineage_id', 'first_seq', 'last_seq', ...columns].map((column) => sql.ref(column)));
  const values = sql.join(columns.map((column) => set[column] ?? sql.ref(column)));
  const staging = sql.table(`temp.revised_${table}`);
  await sql`CREATE TEMP TABLE IF NOT EXISTS ${sql.raw(`revised_${table}`)} AS
    SELECT * FROM ${sql.table(table)} WHERE 0`.execute(db);
  await sql`
    INSERT INTO ${staging} (${names})
    SELECT lineage_id, first_seq, last_seq, ${values} FROM ${sql.table(table)} WHERE ${own}`.execute(db);
  const moved = affected(await sql`DELETE FROM ${sql.table(table)} WHERE ${own}`.execute(db));
  // OR IGNORE: two values now naming the same object are one value, as in AD.
  await sql`INSERT OR IGNORE INTO ${sql.table(table)} (${names}) SELECT ${names} FROM ${staging}`.execute(db);
  await sql`DELETE FROM ${staging}`.execute(db);
  return moved;
};

/**
 * Sets columns of the versions matching `where` the running snapshot sees: in
 * place for its own, as new versions for shared ones. `set` expressions read
 * the old version's columns. Returns how many versions changed.
 */
export const reviseVersions: Revision = async (db, table, scope, set, where) => {
  const own = await reviseOwnVersions(db, table, scope, set, where);
  if (scope.seq === 1) return own;
  const columns = await dataColumns(db, table);
  const values = columns.map((column) => set[column] ?? sql.ref(column));
  const sharedWhere = sql`lineage_id = ${scope.lineage} AND first_seq < ${scope.seq} AND last_seq = ${OPEN_SEQ} AND (${where})`;
  // OR IGNORE: a version this snapshot already wrote under the new key stands.
  await sql`
    INSERT OR IGNORE INTO ${sql.table(table)} (lineage_id, first_seq, last_seq, ${sql.join(columns.map((c) => sql.ref(c)))})
    SELECT lineage_id, ${scope.seq}, ${OPEN_SEQ}, ${sql.join(values)} FROM ${sql.table(table)} WHERE ${sharedWhere}`.execute(
    db,
  );
  const shared = await sql`UPDATE ${sql.table(table)} SET last_seq = ${scope.seq - 1} WHERE ${sharedWhere}`.execute(db);
  return own + affected(shared);
};

/** Undoes everything a running snapshot wrote, leaving the versions as the snapshot before it saw them. */
export async function undoVersions(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  for (const table of VERSION_TABLES) {
    if (scope.seq === 1) {
      await sql`DELETE FROM ${sql.table(table)} WHERE lineage_id = ${scope.lineage}`.execute(db);
      continue;
    }
    await sql`DELETE FROM ${sql.table(table)} WHERE ${writtenBy(scope)}`.execute(db);
    await sql`UPDATE ${sql.table(table)} SET last_seq = ${OPEN_SEQ} WHERE ${closedBy(scope)}`.execute(db);
  }
}
