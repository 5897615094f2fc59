import { performance } from 'node:perf_hooks';
import type { DirectoryEntry } from '../directory';
import type { SnapshotBeginInput, SnapshotMembership, Store } from '../store';
import { accountRecord, type AccountRecord } from './account-record';
import { entryKind } from './entry-kind';
import { isCancellation, scanCancelled } from './errors';
import { groupRecord, membershipRows, type GroupRecord } from './group-record';
import type { ScanProgress, ScanProgressListener } from './progress';
import { readAhead } from './read-ahead';
import { storeEffectiveMemberships } from './store-effective-memberships';

export interface IngestOptions {
  store: Store;
  /** What the snapshot records about where its entries come from. */
  snapshot: SnapshotBeginInput;
  /**
   * Pages of entries from any source: the LDAP enumeration, an LDIF reader.
   * Accounts and groups may come in any order and mixed within a page;
   * other objects are skipped.
   */
  pages: AsyncIterable<DirectoryEntry[]>;
  signal?: AbortSignal;
  onProgress?: ScanProgressListener;
  estimatedTotal?: number;
}

export interface IngestResult {
  snapshotId: string;
  accounts: number;
  groups: number;
}

/**
 * Writes a snapshot from pages of entries, each page as it arrives (the next
 * one is read while the current one is written), so that memory does not
 * grow with the domain: at most two pages are held. Once every page is in,
 * the transitive group memberships are derived from the stored rows (that
 * step holds the membership graph, not the entries). On failure the snapshot
 * is marked failed (cancelled when the signal fired) and the error is
 * rethrown: the last complete snapshot stays what every reader sees.
 */
export async function ingestSnapshot(options: IngestOptions): Promise<IngestResult> {
  const { store, signal } = options;
  const snapshotId = await store.snapshots.begin(options.snapshot);
  const started = performance.now();
  let accounts = 0;
  let groups = 0;
  const report = async (phase: ScanProgress['phase']): Promise<void> => {
    const seconds = (performance.now() - started) / 1000;
    await options.onProgress?.({
      phase,
      accounts,
      groups,
      ratePerSecond: seconds > 0 ? Math.round((accounts + groups) / seconds) : 0,
      ...(options.estimatedTotal === undefined ? {} : { estimatedTotal: options.estimatedTotal }),
    });
  };

  try {
    for await (const page of readAhead(options.pages)) {
      if (signal?.aborted) throw scanCancelled(snapshotId);
      const accountRecords: AccountRecord[] = [];
      const groupRecords: GroupRecord[] = [];
      for (const entry of page) {
        const kind = entryKind(entry);
        if (kind === 'group') groupRecords.push(groupRecord(entry));
        else if (kind !== undefined) accountRecords.push(accountRecord(entry));
      }
      if (accountRecords.length > 0) accounts += await store.snapshots.writeAccounts(snapshotId, accountRecords);
      if (groupRecords.length > 0) {
        groups += await store.snapshots.writeGroups(snapshotId, groupRecords);
        const memberships: SnapshotMembership[] = groupRecords.flatMap(membershipRows);
        await store.snapshots.writeMemberships(snapshotId, memberships);
      }
      await report(groupRecords.length > 0 ? 'groups' : 'accounts');
    }
    if (signal?.aborted) throw scanCancelled(snapshotId);
    await report('memberships');
    await storeEffectiveMemberships(store, snapshotId, signal);
    if (signal?.aborted) throw scanCancelled(snapshotId);
    await report('finishing');
    await store.snapshots.complete(snapshotId, { accounts, groups });
    return { snapshotId, accounts, groups };
  } catch (error) {
    const cancelled = signal?.aborted === true || isCancellation(error);
    // The original error is what the user needs; a store that cannot record the outcome must not hide it.
    await (
      cancelled
        ? store.snapshots.cancel(snapshotId)
        : store.snapshots.fail(snapshotId, error instanceof Error ? error.message : String(error))
    ).catch(() => undefined);
    throw error;
  }
}
