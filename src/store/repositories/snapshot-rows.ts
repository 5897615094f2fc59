import type { Kysely } from 'kysely';
import { StoreError } from '../errors';
import type { NewAccountRow, NewGroupRow, SnapshotRow, SnapshotStatus, WardenDatabase } from '../schema';
import { OPEN_SEQ, undoVersions, type SnapshotScope } from './row-versions';
import type { Snapshot, SnapshotAccount, SnapshotGroup } from './snapshots';

/** Row mapping and checks shared by the snapshot writers (full scans and incremental changes). */
/** Rows per batch of a change: few enough that the IN (...) lists of their keys stay well inside SQLite's bound-value limit. */
export const ROWS_PER_STATEMENT = 200;

export function chunks<T>(rows: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

/** Values per IN (...) list; SQLite binds at most 32,766. */
export const KEYS_PER_STATEMENT = 500;

export const keyChunks = (keys: readonly string[]): string[][] => chunks(keys, KEYS_PER_STATEMENT);

/** Effective memberships written between two looks at the event loop (a cancel request may be waiting). */
export const EFFECTIVE_ROWS_PER_BATCH = 2000;

/** Takes up to `size` items at a time from an iterator, without reading ahead of the batch being written. */
export function* batches<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
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

export function toUsn(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const usn = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isSafeInteger(usn) || usn < 0) {
    throw new StoreError('INVALID_DATA', `The highest committed USN "${String(value)}" is not a whole number.`, {
      highestCommittedUsn: String(value),
    });
  }
  return usn;
}

export function toSnapshot(row: SnapshotRow): Snapshot {
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
    kind: row.kind,
    baseSnapshotId: row.base_snapshot_id,
    bindName: row.bind_name,
  };
}

/** The columns that make a row a new version written by the snapshot of `scope`. */
export function newVersion(scope: SnapshotScope): { lineage_id: string; first_seq: number; last_seq: number } {
  return { lineage_id: scope.lineage, first_seq: scope.seq, last_seq: OPEN_SEQ };
}

export function accountRow(scope: SnapshotScope, account: SnapshotAccount): NewAccountRow {
  // Written out rather than spread from newVersion(): V8 builds a wide literal that starts with a spread
  // property by property, which cost a full scan more than a second at 20,000 accounts.
  return {
    lineage_id: scope.lineage,
    first_seq: scope.seq,
    last_seq: OPEN_SEQ,
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
    managed_by: account.managedBy,
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
  };
}

export function groupRow(scope: SnapshotScope, group: SnapshotGroup): NewGroupRow {
  return {
    lineage_id: scope.lineage,
    first_seq: scope.seq,
    last_seq: OPEN_SEQ,
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

export function notRunning(id: string, status: SnapshotStatus | undefined): StoreError {
  return new StoreError(
    'INVALID_DATA',
    status === undefined
      ? `Snapshot ${id} does not exist.`
      : `Snapshot ${id} is ${status}; only a running snapshot can be written to or finished.`,
    { snapshotId: id, status: status ?? null },
  );
}

/** Checks that the snapshot is running and says where it writes. */
export async function requireRunning(db: Kysely<WardenDatabase>, id: string): Promise<SnapshotScope> {
  const row = await db
    .selectFrom('snapshots')
    .select(['status', 'lineage_id', 'seq'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.status !== 'running') throw notRunning(id, row?.status);
  return { id, lineage: row.lineage_id ?? id, seq: row.seq };
}

/** Takes out everything a running snapshot wrote; the snapshot it started from keeps all of its rows. */
export async function deleteRows(db: Kysely<WardenDatabase>, scope: SnapshotScope): Promise<void> {
  await db.deleteFrom('effective_memberships').where('snapshot_id', '=', scope.id).execute();
  await undoVersions(db, scope);
}
