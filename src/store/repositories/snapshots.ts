import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type {
  NewAccountRow,
  NewEffectiveMembershipRow,
  NewGroupRow,
  NewMembershipRow,
  SnapshotRow,
  SnapshotSourceKind,
  SnapshotStatus,
  WardenDatabase,
} from '../schema';

export interface SnapshotBeginInput {
  sourceKind: SnapshotSourceKind;
  profileId?: string;
  dcHost?: string;
  /** The DC's invocationId (GUID text). */
  invocationId?: string;
  baseDn?: string;
  /** The rootDSE's highestCommittedUSN when the scan started (decimal text or number). */
  highestCommittedUsn?: string | number;
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

/** One value of a group's `member` attribute; the member's GUID is resolved when the snapshot completes. */
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

/** A group with the DNs its `member` attribute lists (primary-group rows are not among them). */
export interface SnapshotGraphGroup {
  guid: string;
  dn: string;
  sid: string | null;
  memberDns: string[];
}

export interface SnapshotMembershipGraph {
  /** In objectGUID order, so that rows derived account by account arrive in primary-key order. */
  accounts: SnapshotGraphAccount[];
  groups: SnapshotGraphGroup[];
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

export interface SnapshotsRepository {
  /** Starts a snapshot in status 'running'; its rows are invisible to readers until complete(). */
  begin(input: SnapshotBeginInput): Promise<string>;
  /** Writes one batch in one transaction; returns how many rows were new (a repeated GUID is skipped). */
  writeAccounts(id: string, rows: readonly SnapshotAccount[]): Promise<number>;
  writeGroups(id: string, rows: readonly SnapshotGroup[]): Promise<number>;
  /** The groups must have been written first. */
  writeMemberships(id: string, rows: readonly SnapshotMembership[]): Promise<number>;
  /** The accounts, groups and direct `member` values written so far to a running snapshot. */
  readMembershipGraph(id: string): Promise<SnapshotMembershipGraph>;
  /**
   * Writes transitive memberships, consuming `rows` lazily in batches inside
   * one transaction: all of them are stored or none. Returns how many were written.
   */
  writeEffectiveMemberships(id: string, rows: Iterable<SnapshotEffectiveMembership>): Promise<number>;
  /**
   * Resolves member DNs to the GUIDs of the snapshot's accounts and groups,
   * adds the memberships implied by primaryGroupID (direct = 0), checks the
   * counts against the stored rows and marks the snapshot complete.
   */
  complete(id: string, counts: SnapshotCounts): Promise<Snapshot>;
  /** Marks a running snapshot failed and deletes its partial rows. */
  fail(id: string, message: string): Promise<Snapshot>;
  /** Marks a running snapshot cancelled and deletes its partial rows. */
  cancel(id: string): Promise<Snapshot>;
  /** The most recent complete snapshot (of one profile when given): what every view reads. */
  latestComplete(profileId?: string): Promise<Snapshot | undefined>;
  get(id: string): Promise<Snapshot | undefined>;
  /** Every snapshot, newest first, whatever its status. */
  list(): Promise<Snapshot[]>;
}

/** Rows per INSERT statement: the widest table has 40 columns and SQLite binds at most 32,766 values. */
const ROWS_PER_STATEMENT = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    result.push(rows.slice(start, start + ROWS_PER_STATEMENT));
  }
  return result;
}

/**
 * Rows per INSERT into effective_memberships. With four columns a statement
 * can hold more rows than the wide account batches (2,000 bound values here),
 * and an account has several of these rows.
 */
const EFFECTIVE_ROWS_PER_STATEMENT = 500;

/** Takes up to `size` items at a time from an iterator, without reading ahead of the batch being written. */
function* batches<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function toUsn(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const usn = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isSafeInteger(usn) || usn < 0) {
    throw new StoreError('INVALID_DATA', `The highest committed USN "${String(value)}" is not a whole number.`, {
      highestCommittedUsn: String(value),
    });
  }
  return usn;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: row.id,
    profileId: row.profile_id,
    sourceKind: row.source_kind,
    dcHost: row.dc_host,
    invocationId: row.invocation_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    error: row.error,
    accountCount: row.account_count,
    groupCount: row.group_count,
    highestCommittedUsn: row.highest_committed_usn,
    baseDn: row.base_dn,
  };
}

function accountRow(snapshotId: string, account: SnapshotAccount): NewAccountRow {
  return {
    snapshot_id: snapshotId,
    object_guid: account.objectGuid,
    sid: account.sid,
    sam_account_name: account.samAccountName,
    upn: account.upn,
    display_name: account.displayName,
    given_name: account.givenName,
    sn: account.sn,
    mail: account.mail,
    proxy_addresses: JSON.stringify(account.proxyAddresses),
    employee_id: account.employeeId,
    employee_number: account.employeeNumber,
    department: account.department,
    title: account.title,
    manager_dn: account.managerDn,
    description: account.description,
    info: account.info,
    dn: account.dn,
    ou: account.ou,
    object_classes: JSON.stringify(account.objectClasses),
    user_account_control: account.userAccountControl,
    when_created: account.whenCreated,
    when_changed: account.whenChanged,
    last_logon_timestamp: account.lastLogonTimestamp,
    pwd_last_set: account.pwdLastSet,
    account_expires: account.accountExpires,
    spns: JSON.stringify(account.spns),
    primary_group_id: account.primaryGroupId,
    admin_count: account.adminCount,
    supported_enc_types: account.supportedEncryptionTypes,
    allowed_to_delegate_to: JSON.stringify(account.allowedToDelegateTo),
    user_workstations: account.userWorkstations,
    usn_changed: account.usnChanged,
    type: null,
    is_nhi: null,
    risk_tier: null,
    risk_score: null,
    owner: null,
    owner_status: null,
    usage: null,
    hr_outcome: null,
  };
}

function groupRow(snapshotId: string, group: SnapshotGroup): NewGroupRow {
  return {
    snapshot_id: snapshotId,
    object_guid: group.objectGuid,
    sid: group.sid,
    sam_account_name: group.samAccountName,
    dn: group.dn,
    description: group.description,
    group_type: group.groupType,
    admin_count: group.adminCount,
    managed_by: group.managedBy,
    usn_changed: group.usnChanged,
  };
}

function notRunning(id: string, status: SnapshotStatus | undefined): StoreError {
  return new StoreError(
    'INVALID_DATA',
    status === undefined
      ? `Snapshot ${id} does not exist.`
      : `Snapshot ${id} is ${status}; only a running snapshot can be written to or finished.`,
    { snapshotId: id, status: status ?? null },
  );
}

async function requireRunning(db: Kysely<WardenDatabase>, id: string): Promise<void> {
  const row = await db.selectFrom('snapshots').select('status').where('id', '=', id).executeTakeFirst();
  if (row?.status !== 'running') throw notRunning(id, row?.status);
}

function inserted(results: readonly { numInsertedOrUpdatedRows?: bigint }[]): number {
  return results.reduce((sum, result) => sum + Number(result.numInsertedOrUpdatedRows ?? 0n), 0);
}

async function deleteRows(trx: Transaction<WardenDatabase> | Kysely<WardenDatabase>, id: string): Promise<void> {
  await trx.deleteFrom('effective_memberships').where('snapshot_id', '=', id).execute();
  await trx.deleteFrom('memberships').where('snapshot_id', '=', id).execute();
  await trx.deleteFrom('accounts').where('snapshot_id', '=', id).execute();
  await trx.deleteFrom('groups').where('snapshot_id', '=', id).execute();
}

export function snapshotsRepository(db: Kysely<WardenDatabase>, clock: Clock): SnapshotsRepository {
  /** One page of a running snapshot, in one transaction and in chunks; a row already there (same key) is skipped. */
  const insertRows = <T extends 'accounts' | 'groups' | 'memberships'>(
    id: string,
    table: T,
    values: readonly Insertable<WardenDatabase[T]>[],
  ): Promise<number> =>
    withImmediateTransaction(db, async (trx) => {
      await requireRunning(trx, id);
      const results = [];
      for (const chunk of chunks(values)) {
        results.push(
          ...(await trx
            .insertInto(table)
            .values(chunk as Insertable<WardenDatabase[T]>[])
            .onConflict((conflict) => conflict.doNothing())
            .execute()),
        );
      }
      return inserted(results);
    });

  /** Ends a running snapshot that did not complete; its partial rows go, so no reader can mistake them for data. */
  const end = (id: string, status: 'failed' | 'cancelled', message: string | null): Promise<Snapshot> =>
    withImmediateTransaction(db, async (trx) => {
      await requireRunning(trx, id);
      await deleteRows(trx, id);
      await trx
        .updateTable('snapshots')
        .set({ status, error: message, finished_at: clock().toISOString(), account_count: 0, group_count: 0 })
        .where('id', '=', id)
        .execute();
      return toSnapshot(await trx.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });

  return {
    async begin(input) {
      const id = randomUUID();
      await db
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
        })
        .execute();
      return id;
    },

    writeAccounts(id, rows) {
      return insertRows(
        id,
        'accounts',
        rows.map((account) => accountRow(id, account)),
      );
    },

    writeGroups(id, rows) {
      return insertRows(
        id,
        'groups',
        rows.map((group) => groupRow(id, group)),
      );
    },

    writeMemberships(id, rows) {
      const values = rows.map((row): NewMembershipRow => ({
        snapshot_id: id,
        group_guid: row.groupGuid,
        member_dn: row.memberDn,
        member_guid: null,
        direct: 1,
      }));
      return insertRows(id, 'memberships', values);
    },

    async readMembershipGraph(id) {
      await requireRunning(db, id);
      const accounts: SnapshotGraphAccount[] = [];
      // A `member` value is almost always exactly the member's own DN; reusing that one string instead
      // of the copy each row brings keeps a large domain's member lists from holding a DN per value.
      const knownDns = new Map<string, string>();
      for await (const row of db
        .selectFrom('accounts')
        .select(['object_guid', 'dn', 'sid', 'primary_group_id'])
        .where('snapshot_id', '=', id)
        .orderBy('object_guid')
        .stream()) {
        accounts.push({ guid: row.object_guid, dn: row.dn, sid: row.sid, primaryGroupId: row.primary_group_id });
        knownDns.set(row.dn, row.dn);
      }
      const groups: SnapshotGraphGroup[] = [];
      const groupByGuid = new Map<string, SnapshotGraphGroup>();
      for await (const row of db
        .selectFrom('groups')
        .select(['object_guid', 'dn', 'sid'])
        .where('snapshot_id', '=', id)
        .orderBy('object_guid')
        .stream()) {
        const group: SnapshotGraphGroup = { guid: row.object_guid, dn: row.dn, sid: row.sid, memberDns: [] };
        groups.push(group);
        groupByGuid.set(group.guid, group);
        knownDns.set(row.dn, row.dn);
      }
      for await (const row of db
        .selectFrom('memberships')
        .select(['group_guid', 'member_dn'])
        .where('snapshot_id', '=', id)
        .where('direct', '=', 1)
        .stream()) {
        groupByGuid.get(row.group_guid)?.memberDns.push(knownDns.get(row.member_dn) ?? row.member_dn);
      }
      return { accounts, groups };
    },

    writeEffectiveMemberships(id, rows) {
      return withImmediateTransaction(db, async (trx) => {
        await requireRunning(trx, id);
        let written = 0;
        for (const batch of batches(rows, EFFECTIVE_ROWS_PER_STATEMENT)) {
          const values: NewEffectiveMembershipRow[] = batch.map((row) => ({
            snapshot_id: id,
            account_guid: row.accountGuid,
            group_guid: row.groupGuid,
            path: JSON.stringify(row.path),
          }));
          const [result] = await trx.insertInto('effective_memberships').values(values).execute();
          written += Number(result?.numInsertedOrUpdatedRows ?? 0n);
          // SQLite answers synchronously, so without this turn of the event loop a large domain's rows
          // would be written without the process handling anything else, a cancel request included.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        return written;
      });
    },

    complete(id, counts) {
      return withImmediateTransaction(db, async (trx) => {
        await requireRunning(trx, id);
        // DNs compare without case (the columns are NOCASE), as AD compares them.
        await sql`
          UPDATE memberships SET member_guid = COALESCE(
            (SELECT a.object_guid FROM accounts a WHERE a.snapshot_id = memberships.snapshot_id AND a.dn = memberships.member_dn),
            (SELECT g.object_guid FROM groups g WHERE g.snapshot_id = memberships.snapshot_id AND g.dn = memberships.member_dn))
          WHERE snapshot_id = ${id} AND member_guid IS NULL`.execute(trx);
        // An account's primary group (Domain Users for most) never lists it in `member`: its SID is the
        // account's domain SID (the account SID without its trailing RID digits) followed by primaryGroupID.
        await sql`
          INSERT OR IGNORE INTO memberships (snapshot_id, group_guid, member_dn, member_guid, direct)
          SELECT a.snapshot_id, g.object_guid, a.dn, a.object_guid, 0
          FROM accounts a
          JOIN groups g ON g.snapshot_id = a.snapshot_id AND g.sid = rtrim(a.sid, '0123456789') || a.primary_group_id
          WHERE a.snapshot_id = ${id} AND a.sid IS NOT NULL AND a.primary_group_id IS NOT NULL`.execute(trx);
        const stored = {
          accounts: Number(
            (
              await trx
                .selectFrom('accounts')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('snapshot_id', '=', id)
                .executeTakeFirstOrThrow()
            ).n,
          ),
          groups: Number(
            (
              await trx
                .selectFrom('groups')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('snapshot_id', '=', id)
                .executeTakeFirstOrThrow()
            ).n,
          ),
        };
        if (stored.accounts !== counts.accounts || stored.groups !== counts.groups) {
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
      if (profileId !== undefined) query = query.where('profile_id', '=', profileId);
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
