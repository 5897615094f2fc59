import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Insertable, type Kysely, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type {
  NewEffectiveMembershipRow,
  SnapshotKind,
  SnapshotSourceKind,
  SnapshotStatus,
  WardenDatabase,
} from '../schema';
import { nextTurn, RowInserter, ROWS_PER_SLICE } from './row-inserter';
import { countObjects, derivePrimaryGroupRows, objectByDn, resolveMemberGuids } from './snapshot-completion';
import { OPEN_SEQ, type SnapshotScope } from './row-versions';
import { copySnapshotRows, snapshotChanges, type SnapshotChanges } from './snapshot-changes';
import {
  accountRow,
  batches,
  chunks,
  deleteRows,
  EFFECTIVE_ROWS_PER_BATCH,
  groupRow,
  requireRunning,
  toSnapshot,
  toUsn,
} from './snapshot-rows';

export interface SnapshotBeginInput {
  sourceKind: SnapshotSourceKind;
  profileId?: string;
  dcHost?: string;
  /** The DC's invocationId (GUID text). */
  invocationId?: string;
  baseDn?: string;
  /** The rootDSE's highestCommittedUSN when the scan started (decimal text or number). */
  highestCommittedUsn?: string | number;
  /** The account the scan bound as. */
  bindName?: string;
  /**
   * Starts with this complete snapshot's accounts, groups and `member` rows
   * (an incremental rescan), instead of empty: shared with it where it is the
   * newest of its lineage (see row-versions.ts), else copied.
   */
  baseSnapshotId?: string;
}

export interface Snapshot {
  id: string;
  profileId: string | null;
  sourceKind: SnapshotSourceKind;
  dcHost: string | null;
  invocationId: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: SnapshotStatus;
  /** Why a failed snapshot failed, in the words shown to the user. */
  error: string | null;
  accountCount: number;
  groupCount: number;
  highestCommittedUsn: number | null;
  baseDn: string | null;
  /** 'incremental': the changes since `baseSnapshotId` applied to its rows. */
  kind: SnapshotKind;
  baseSnapshotId: string | null;
  bindName: string | null;
}

/** One account as a snapshot stores it. Times are ISO-8601 UTC; lists are plain arrays. */
export interface SnapshotAccount {
  objectGuid: string;
  sid: string | null;
  samAccountName: string;
  upn: string | null;
  displayName: string | null;
  givenName: string | null;
  sn: string | null;
  mail: string | null;
  proxyAddresses: readonly string[];
  employeeId: string | null;
  employeeNumber: string | null;
  department: string | null;
  title: string | null;
  managerDn: string | null;
  /** The DN in `managedBy`: the owner of a gMSA, sMSA or dMSA, where one is recorded. */
  managedBy: string | null;
  description: string | null;
  info: string | null;
  dn: string;
  ou: string | null;
  objectClasses: readonly string[];
  userAccountControl: number | null;
  whenCreated: string | null;
  whenChanged: string | null;
  lastLogonTimestamp: string | null;
  pwdLastSet: string | null;
  accountExpires: string | null;
  spns: readonly string[];
  primaryGroupId: number | null;
  adminCount: number | null;
  supportedEncryptionTypes: number | null;
  allowedToDelegateTo: readonly string[];
  userWorkstations: string | null;
  usnChanged: number | null;
}

export interface SnapshotGroup {
  objectGuid: string;
  sid: string | null;
  samAccountName: string | null;
  dn: string;
  description: string | null;
  groupType: number | null;
  adminCount: number | null;
  managedBy: string | null;
  usnChanged: number | null;
}

/** One value of a group's `member` attribute; the member's GUID is resolved from its DN. */
export interface SnapshotMembership {
  groupGuid: string;
  memberDn: string;
}

/** An account as the membership graph needs it: `guid` is its objectGUID. */
export interface SnapshotGraphAccount {
  guid: string;
  dn: string;
  sid: string | null;
  primaryGroupId: number | null;
}

/** A group as the membership graph needs it, without its members. */
export interface SnapshotGraphGroup {
  guid: string;
  dn: string;
  sid: string | null;
}

/** One direct `member` value; `memberGuid` is known when the member was resolved on writing. */
export interface SnapshotGraphEdge {
  groupGuid: string;
  memberDn: string;
  memberGuid: string | null;
}

/** One transitive membership: `path` runs from the account's direct (or primary) group up to `groupGuid`. */
export interface SnapshotEffectiveMembership {
  accountGuid: string;
  groupGuid: string;
  path: readonly string[];
}

export interface SnapshotCounts {
  accounts: number;
  groups: number;
}

export interface SnapshotsRepository extends SnapshotChanges {
  /**
   * Starts a snapshot in status 'running'; its rows are invisible to readers
   * until complete(). Ends first any running snapshot whose writing process
   * on this machine is gone (killed mid-scan), deleting its rows.
   */
  begin(input: SnapshotBeginInput): Promise<string>;
  /** Writes one batch in one transaction; returns how many rows were new (a repeated GUID is skipped). */
  writeAccounts(id: string, rows: readonly SnapshotAccount[]): Promise<number>;
  writeGroups(id: string, rows: readonly SnapshotGroup[]): Promise<number>;
  /** The groups must have been written first. */
  writeMemberships(id: string, rows: readonly SnapshotMembership[]): Promise<number>;
  /** The groups written so far to a running snapshot. */
  graphGroups(id: string): Promise<SnapshotGraphGroup[]>;
  /**
   * Direct `member` values of a running snapshot, streamed: of the given
   * groups, or (`nesting`) those that may name a group: a group's GUID, or no
   * GUID resolved yet.
   */
  graphEdges(id: string, of: { groupGuids: readonly string[] } | 'nesting'): AsyncIterable<SnapshotGraphEdge>;
  /** Every account of a running snapshot, streamed in objectGUID order. */
  graphAccounts(id: string): AsyncIterable<SnapshotGraphAccount>;
  /**
   * Writes transitive memberships, consuming `rows` lazily in batches inside
   * one transaction: all of them are stored or none. Returns how many were written.
   */
  writeEffectiveMemberships(id: string, rows: Iterable<SnapshotEffectiveMembership>): Promise<number>;
  /**
   * Resolves member DNs to the GUIDs of the snapshot's accounts and groups,
   * adds the memberships implied by primaryGroupID (direct = 0), checks the
   * counts (when given) against the stored rows and marks the snapshot complete.
   */
  complete(id: string, counts?: SnapshotCounts): Promise<Snapshot>;
  /** Marks a running snapshot failed and deletes its partial rows. */
  fail(id: string, message: string): Promise<Snapshot>;
  /** Marks a running snapshot cancelled and deletes its partial rows. */
  cancel(id: string): Promise<Snapshot>;
  /**
   * The most recent complete snapshot: what every view reads. Of one profile
   * when given; `null` means of no profile (command-line and LDIF scans).
   */
  latestComplete(profileId?: string | null): Promise<Snapshot | undefined>;
  /** Ends running snapshots whose writing process on this machine no longer exists; returns their ids. */
  endAbandoned(): Promise<string[]>;
  get(id: string): Promise<Snapshot | undefined>;
  /** Every snapshot, newest first, whatever its status. */
  list(): Promise<Snapshot[]>;
}

const ABANDONED = 'The scan writing this snapshot stopped without finishing: its process ended (killed or crashed).';

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function requireComplete(db: Kysely<WardenDatabase>, id: string): Promise<SnapshotScope> {
  const row = await db
    .selectFrom('snapshots')
    .select(['status', 'lineage_id', 'seq'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.status !== 'complete') {
    throw new StoreError(
      'INVALID_DATA',
      row === undefined
        ? `Snapshot ${id} does not exist; an incremental scan needs a complete snapshot to start from.`
        : `Snapshot ${id} is ${row.status}; an incremental scan can only start from a complete snapshot.`,
      { snapshotId: id, status: row?.status ?? null },
    );
  }
  return { id, lineage: row.lineage_id ?? id, seq: row.seq };
}

/**
 * Snapshots one lineage may hold before an incremental scan starts a new one
 * from a copy: each adds the versions it replaced to what every read of the
 * lineage passes over.
 */
const SNAPSHOTS_PER_LINEAGE = 30;

/**
 * Where an incremental snapshot built on `base` writes: next in the base's
 * lineage when the base is its newest snapshot (complete or being written) and
 * the lineage has room; otherwise in a lineage of its own, from a copy.
 */
async function incrementalScope(
  db: Kysely<WardenDatabase>,
  id: string,
  base: SnapshotScope,
): Promise<{ scope: SnapshotScope; shared: boolean }> {
  const lineage = await db
    .selectFrom('snapshots')
    .select((eb) => [eb.fn.max('seq').as('head'), eb.fn.countAll<number>().as('snapshots')])
    .where('lineage_id', '=', base.lineage)
    .where('status', 'in', ['complete', 'running'])
    .executeTakeFirstOrThrow();
  const shared = lineage.head === base.seq && Number(lineage.snapshots) < SNAPSHOTS_PER_LINEAGE;
  return { scope: shared ? { id, lineage: base.lineage, seq: base.seq + 1 } : { id, lineage: id, seq: 1 }, shared };
}

export function snapshotsRepository(
  db: Kysely<WardenDatabase>,
  native: SqliteDatabase,
  clock: Clock,
): SnapshotsRepository {
  /** One page of a running snapshot, in one transaction and in chunks; a row already there (same key) is skipped. */
  const rows = new RowInserter(native);
  let membershipStatement: SqliteStatement | undefined;
  /**
   * A `member` value, with the GUID of the account or group it names when that
   * one is already written (accounts come before groups): an index lookup as
   * the row goes in, so that completing the snapshot resolves only the rest.
   */
  const insertMembership = (): SqliteStatement =>
    (membershipStatement ??= native.prepare(`
      INSERT OR IGNORE INTO membership_versions (lineage_id, group_guid, member_dn, first_seq, last_seq, member_guid, direct)
      VALUES (?, ?, ?, ?, ${OPEN_SEQ}, ${objectByDn(sql.raw('?'), sql.raw('?')).compile(db).sql}, 1)`));
  /** One page of a running snapshot, in one transaction; a row already there (same key) is skipped. */
  const insertRows = <T extends 'account_versions' | 'group_versions'>(
    id: string,
    table: T,
    values: (scope: SnapshotScope) => readonly Insertable<WardenDatabase[T]>[],
  ): Promise<number> =>
    withImmediateTransaction(db, async (trx) => {
      const scope = await requireRunning(trx, id);
      return rows.insertInSlices(table, values(scope));
    });

  /** Ends a running snapshot that did not complete; its partial rows go, so no reader can mistake them for data. */
  const end = (id: string, status: 'failed' | 'cancelled', message: string | null): Promise<Snapshot> =>
    withImmediateTransaction(db, async (trx) => {
      await deleteRows(trx, await requireRunning(trx, id));
      await trx
        .updateTable('snapshots')
        // Out of its lineage: it would otherwise see the rows its base sees, or those of a later retry.
        .set({
          status,
          error: message,
          finished_at: clock().toISOString(),
          account_count: 0,
          group_count: 0,
          lineage_id: null,
        })
        .where('id', '=', id)
        .execute();
      return toSnapshot(await trx.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });

  /** A process that no longer exists cannot finish what it started. */
  const endAbandoned = async (): Promise<string[]> => {
    const running = await db
      .selectFrom('snapshots')
      .select(['id', 'writer_pid', 'writer_host'])
      .where('status', '=', 'running')
      .execute();
    const here = hostname();
    const abandoned = running.filter(
      (row) => row.writer_pid === null || (row.writer_host === here && !processExists(row.writer_pid)),
    );
    for (const row of abandoned) {
      await end(row.id, 'failed', ABANDONED).catch((error: unknown) => {
        // Another process may have ended it between the read and now.
        if (!(error instanceof StoreError)) throw error;
      });
    }
    return abandoned.map((row) => row.id);
  };

  return {
    async begin(input) {
      await endAbandoned();
      const id = randomUUID();
      const baseId = input.baseSnapshotId;
      await withImmediateTransaction(db, async (trx) => {
        const base = baseId === undefined ? undefined : await requireComplete(trx, baseId);
        const { scope, shared } =
          base === undefined
            ? { scope: { id, lineage: id, seq: 1 }, shared: false }
            : await incrementalScope(trx, id, base);
        await trx
          .insertInto('snapshots')
          .values({
            id,
            profile_id: input.profileId ?? null,
            source_kind: input.sourceKind,
            dc_host: input.dcHost ?? null,
            invocation_id: input.invocationId ?? null,
            started_at: clock().toISOString(),
            status: 'running',
            highest_committed_usn: toUsn(input.highestCommittedUsn),
            base_dn: input.baseDn ?? null,
            kind: base === undefined ? 'full' : 'incremental',
            base_snapshot_id: baseId ?? null,
            bind_name: input.bindName ?? null,
            writer_pid: process.pid,
            writer_host: hostname(),
            lineage_id: scope.lineage,
            seq: scope.seq,
          })
          .execute();
        if (base !== undefined && !shared) await copySnapshotRows(trx, base.id, scope);
      });
      return id;
    },

    ...snapshotChanges(db, rows),
    endAbandoned,

    writeAccounts(id, rows) {
      return insertRows(id, 'account_versions', (scope) => rows.map((account) => accountRow(scope, account)));
    },

    writeGroups(id, rows) {
      return insertRows(id, 'group_versions', (scope) => rows.map((group) => groupRow(scope, group)));
    },

    writeMemberships(id, rows) {
      return withImmediateTransaction(db, async (trx) => {
        const { lineage, seq } = await requireRunning(trx, id);
        let written = 0;
        for (const [index, row] of rows.entries()) {
          if (index > 0 && index % ROWS_PER_SLICE === 0) await nextTurn();
          // objectByDn asks for the lineage and the DN once for accounts, once for groups.
          const { changes } = insertMembership().run([
            lineage,
            row.groupGuid,
            row.memberDn,
            seq,
            lineage,
            row.memberDn,
            lineage,
            row.memberDn,
          ]);
          written += Number(changes);
        }
        return written;
      });
    },

    async graphGroups(id) {
      await requireRunning(db, id);
      const rows = await db
        .selectFrom('groups')
        .select(['object_guid', 'dn', 'sid'])
        .where('snapshot_id', '=', id)
        .orderBy('object_guid')
        .execute();
      return rows.map((row) => ({ guid: row.object_guid, dn: row.dn, sid: row.sid }));
    },

    async *graphEdges(id, of) {
      await requireRunning(db, id);
      const edges =
        of === 'nesting'
          ? db
              .selectFrom('memberships')
              .select(['group_guid', 'member_dn', 'member_guid'])
              .where('snapshot_id', '=', id)
              .where('direct', '=', 1)
              .where((eb) =>
                eb.or([
                  eb('member_guid', 'is', null),
                  eb('member_guid', 'in', eb.selectFrom('groups').select('object_guid').where('snapshot_id', '=', id)),
                ]),
              )
          : undefined;
      const queries =
        edges === undefined
          ? chunks(of === 'nesting' ? [] : of.groupGuids).map((guids) =>
              db
                .selectFrom('memberships')
                .select(['group_guid', 'member_dn', 'member_guid'])
                .where('snapshot_id', '=', id)
                .where('direct', '=', 1)
                .where('group_guid', 'in', guids),
            )
          : [edges];
      for (const query of queries) {
        for await (const row of query.stream()) {
          yield { groupGuid: row.group_guid, memberDn: row.member_dn, memberGuid: row.member_guid };
        }
      }
    },

    async *graphAccounts(id) {
      await requireRunning(db, id);
      for await (const row of db
        .selectFrom('accounts')
        .select(['object_guid', 'dn', 'sid', 'primary_group_id'])
        .where('snapshot_id', '=', id)
        .orderBy('object_guid')
        .stream()) {
        yield { guid: row.object_guid, dn: row.dn, sid: row.sid, primaryGroupId: row.primary_group_id };
      }
    },

    writeEffectiveMemberships(id, memberships) {
      return withImmediateTransaction(db, async (trx) => {
        await requireRunning(trx, id);
        let written = 0;
        for (const batch of batches(memberships, EFFECTIVE_ROWS_PER_BATCH)) {
          const values: NewEffectiveMembershipRow[] = batch.map((row) => ({
            snapshot_id: id,
            account_guid: row.accountGuid,
            group_guid: row.groupGuid,
            path: JSON.stringify(row.path),
          }));
          written += rows.insert('effective_memberships', values);
          // SQLite answers synchronously, so without this turn of the event loop a large domain's rows
          // would be written without the process handling anything else, a cancel request included.
          await nextTurn();
        }
        return written;
      });
    },

    complete(id, counts) {
      return withImmediateTransaction(db, async (trx) => {
        const scope = await requireRunning(trx, id);
        await resolveMemberGuids(trx, scope);
        await derivePrimaryGroupRows(trx, scope);
        const stored = await countObjects(trx, scope);
        if (counts !== undefined && (stored.accounts !== counts.accounts || stored.groups !== counts.groups)) {
          throw new StoreError(
            'INVALID_DATA',
            `Snapshot ${id} holds ${stored.accounts} accounts and ${stored.groups} groups, but the scan counted ${counts.accounts} and ${counts.groups}; it was not marked complete.`,
            {
              snapshotId: id,
              storedAccounts: stored.accounts,
              storedGroups: stored.groups,
              countedAccounts: counts.accounts,
              countedGroups: counts.groups,
            },
          );
        }
        await trx
          .updateTable('snapshots')
          .set({
            status: 'complete',
            error: null,
            finished_at: clock().toISOString(),
            account_count: stored.accounts,
            group_count: stored.groups,
          })
          .where('id', '=', id)
          .execute();
        return toSnapshot(await trx.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      });
    },

    fail(id, message) {
      return end(id, 'failed', message);
    },

    cancel(id) {
      return end(id, 'cancelled', null);
    },

    async latestComplete(profileId) {
      let query = db.selectFrom('snapshots').selectAll().where('status', '=', 'complete');
      if (profileId === null) query = query.where('profile_id', 'is', null);
      else if (profileId !== undefined) query = query.where('profile_id', '=', profileId);
      const row = await query.orderBy('finished_at', 'desc').orderBy('started_at', 'desc').executeTakeFirst();
      return row === undefined ? undefined : toSnapshot(row);
    },

    async get(id) {
      const row = await db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSnapshot(row);
    },

    async list() {
      const rows = await db.selectFrom('snapshots').selectAll().orderBy('started_at', 'desc').orderBy('id').execute();
      return rows.map(toSnapshot);
    },
  };
}
