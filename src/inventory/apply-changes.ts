import {
  canListTombstones,
  enumerateAccounts,
  enumerateChangedEntries,
  enumerateGroups,
  enumerateGroupsContaining,
  type DirectoryConnection,
  type Tombstone,
} from '../directory';
import type { Store } from '../store';
import { guid, required } from './entry-fields';
import { entryKind } from './entry-kind';
import { scanCancelled } from './errors';
import { membershipRows } from './group-record';
import { recordsOf } from './ingest';
import { readAhead } from './read-ahead';
import type { ProgressCounter } from './snapshot-writing';

export interface ApplyChangesOptions {
  connection: DirectoryConnection;
  store: Store;
  /** A running snapshot that starts out with the rows of the one read at `changedAfterUsn`. */
  snapshotId: string;
  baseDn: string;
  /** The domain naming context holding `baseDn`; undefined when the DC does not say. */
  namingContext: string | undefined;
  changedAfterUsn: number;
  /** The DC's highestCommittedUSN as this scan began: what the new snapshot will be read at. */
  changedUpToUsn: number;
  pageSize: number;
  progress: ProgressCounter;
  signal?: AbortSignal;
}

/** How deletions were found: the DC's tombstones, or (when this bind cannot list them) every GUID read again. */
export type DeletionCheck = 'tombstones' | 'guid-list';

export interface AppliedChanges {
  /** Accounts and groups read again because they changed (added, modified, renamed, moved in). */
  changedAccounts: number;
  changedGroups: number;
  /** Accounts and groups taken out: deleted, moved out of the base DN, or no longer matching. */
  removed: number;
  deletionCheck: DeletionCheck;
  /**
   * Whether anything that transitive memberships derive from changed (a
   * group, an account's primary group, an object added or removed); when not,
   * the last snapshot's effective memberships still hold.
   */
  graphChanged: boolean;
}

/**
 * Brings a snapshot begun from the last one up to the DC's present state, reading
 * only what changed since its USN. One search of the naming context (the base
 * DN when the DC does not name it) returns every object of any class with a
 * higher uSNChanged, and the tombstones too when this bind can list them:
 * 1. accounts and groups in the base DN, read in full (a group's `member`
 *    change raises its USN) and put in place of their old rows;
 * 2. the other changed objects: an account or group the snapshot holds left the
 *    subtree (or stopped matching), and a non-account member may have been
 *    renamed, which AD does in every group listing it without raising those
 *    groups' USNs;
 * 3. deletions, from those tombstones when this bind can list them, else by
 *    comparing every GUID still there;
 * 4. `member` DNs of rows kept from the last snapshot pointing at renamed
 *    accounts and groups.
 * What stays must equal what a full scan would read.
 */
export async function applyDirectoryChanges(options: ApplyChangesOptions): Promise<AppliedChanges> {
  const { connection, store, snapshotId, signal, progress } = options;
  const snapshots = store.snapshots;
  const enumerate = {
    baseDn: options.baseDn,
    pageSize: options.pageSize,
    ...(signal === undefined ? {} : { signal }),
  };
  const changed = new Set<string>();
  const checkAbort = (): void => {
    if (signal?.aborted) throw scanCancelled(snapshotId);
  };

  const scope = options.namingContext;
  // Known before the changed objects are read: the same search then brings the tombstones, saving the DC a second walk.
  const tombstonesVisible =
    scope !== undefined && (await canListTombstones(connection, { namingContext: scope, ...signalOf(signal) }));
  const tombstones: Tombstone[] = [];
  const renamedOutsiders: string[] = [];
  const leftScope: string[] = [];
  let graphChanged = false;
  for await (const page of readAhead(
    enumerateChangedEntries(connection, {
      ...enumerate,
      baseDn: scope ?? options.baseDn,
      changedAfterUsn: options.changedAfterUsn,
      changedUpToUsn: options.changedUpToUsn,
      tombstones: tombstonesVisible,
    }),
  )) {
    checkAbort();
    tombstones.push(...page.tombstones);
    const inScope = page.entries.filter(
      (entry) => isWithin(entry.dn, options.baseDn) && entryKind(entry) !== undefined,
    );
    const { accounts, groups } = recordsOf(inScope);
    if (accounts.length > 0) {
      const put = await snapshots.putAccounts(snapshotId, accounts);
      progress.accounts += put.written;
      graphChanged ||= put.graphChanged;
    }
    if (groups.length > 0) {
      progress.groups += await snapshots.putGroups(snapshotId, groups, groups.flatMap(membershipRows));
      graphChanged = true;
    }
    for (const record of [...accounts, ...groups]) changed.add(record.objectGuid);

    // The rest changed too: accounts and groups that left the subtree (or stopped matching), and other objects.
    const others = page.entries
      .filter((entry) => !inScope.includes(entry))
      .map((entry) => ({ guid: required(entry, 'objectGUID', guid(entry, 'objectGUID')), dn: entry.dn }));
    const known = await snapshots.knownGuids(
      snapshotId,
      others.map((object) => object.guid),
    );
    leftScope.push(...others.filter((object) => known.has(object.guid)).map((object) => object.guid));
    const outsiders = others.filter((object) => !known.has(object.guid));
    const listed = await snapshots.listedMembers(
      snapshotId,
      outsiders.map((object) => object.dn),
    );
    renamedOutsiders.push(...outsiders.filter((object) => !listed.has(object.dn.toLowerCase())).map((o) => o.dn));
    await progress.report(groups.length > 0 ? 'groups' : 'accounts');
  }
  const changedAccounts = progress.accounts;
  const changedGroups = progress.groups;

  let removed = 0;
  if (tombstonesVisible) {
    removed += await snapshots.removeObjects(
      snapshotId,
      tombstones.map((tombstone) => tombstone.guid),
    );
    const formerDns = tombstones.flatMap((tombstone) => (tombstone.formerDn === undefined ? [] : [tombstone.formerDn]));
    // Called whatever graphChanged already is: the references to deleted objects must go in any case.
    const membersRemoved = await snapshots.removeMembers(snapshotId, formerDns);
    graphChanged ||= membersRemoved > 0;
  } else {
    const live = new Set<string>();
    for (const pages of [
      enumerateAccounts(connection, { ...enumerate, guidsOnly: true }),
      enumerateGroups(connection, { ...enumerate, guidsOnly: true }),
    ]) {
      for await (const page of pages) {
        checkAbort();
        for (const entry of page) live.add(required(entry, 'objectGUID', guid(entry, 'objectGUID')));
      }
    }
    const gone = [...(await snapshots.objectGuids(snapshotId))].filter((guid) => !live.has(guid));
    removed += await snapshots.removeObjects(snapshotId, gone);
  }
  checkAbort();

  removed += await snapshots.removeObjects(snapshotId, leftScope);
  // Groups whose `member` now names a changed non-account by a DN the snapshot does not have: read them again.
  const before = progress.groups;
  const regrouped = new Set<string>();
  for await (const page of readAhead(enumerateGroupsContaining(connection, enumerate, renamedOutsiders))) {
    checkAbort();
    const fresh = recordsOf(page).groups.filter((group) => !regrouped.has(group.objectGuid));
    for (const group of fresh) regrouped.add(group.objectGuid);
    if (fresh.length > 0) await snapshots.putGroups(snapshotId, fresh, fresh.flatMap(membershipRows));
  }
  progress.groups = before;
  graphChanged ||= removed > 0 || regrouped.size > 0;

  await snapshots.relinkMembers(snapshotId, [...changed]);
  return {
    changedAccounts,
    changedGroups,
    removed,
    deletionCheck: tombstonesVisible ? 'tombstones' : 'guid-list',
    graphChanged,
  };
}

function signalOf(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

/** Whether a DN lies in the subtree of `base` (the base itself included); DNs compare without case. */
function isWithin(dn: string, base: string): boolean {
  const entry = dn.toLowerCase();
  const root = base.toLowerCase();
  return entry === root || entry.endsWith(`,${root}`);
}
