import type { DirectoryEntry } from '../directory';
import type { SnapshotBeginInput, Store } from '../store';
import { accountRecord, type AccountRecord } from './account-record';
import { entryKind } from './entry-kind';
import { scanCancelled } from './errors';
import { groupRecord, membershipRows, type GroupRecord } from './group-record';
import type { ScanProgressListener } from './progress';
import { readAhead } from './read-ahead';
import { deriveAndComplete, ProgressCounter, writeSnapshot } from './snapshot-writing';

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
 * Accounts are written, and committed, two of AD's 1,000-entry pages at a
 * time. Account keys (GUIDs, DNs, SIDs) land all over each index, so every
 * commit writes most index pages again: fewer commits, less written. Larger
 * batches saved a little more time but held visibly more memory.
 */
const ACCOUNTS_PER_WRITE = 2_000;

/** The accounts and groups of one page of entries; other objects are skipped. */
export function recordsOf(page: readonly DirectoryEntry[]): { accounts: AccountRecord[]; groups: GroupRecord[] } {
  const accounts: AccountRecord[] = [];
  const groups: GroupRecord[] = [];
  for (const entry of page) {
    const kind = entryKind(entry);
    if (kind === 'group') groups.push(groupRecord(entry));
    else if (kind !== undefined) accounts.push(accountRecord(entry));
  }
  return { accounts, groups };
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
  const progress = new ProgressCounter(options.onProgress, options.estimatedTotal);
  return writeSnapshot(store, snapshotId, signal, async () => {
    let queued: AccountRecord[] = [];
    const writeQueued = async (): Promise<void> => {
      if (queued.length === 0) return;
      const batch = queued;
      queued = [];
      progress.accounts += await store.snapshots.writeAccounts(snapshotId, batch);
    };
    for await (const page of readAhead(options.pages)) {
      if (signal?.aborted) throw scanCancelled(snapshotId);
      const { accounts, groups } = recordsOf(page);
      queued.push(...accounts);
      // Accounts go in before groups, so that member rows find their accounts' GUIDs as they are written.
      if (queued.length >= ACCOUNTS_PER_WRITE || groups.length > 0) await writeQueued();
      if (groups.length > 0) {
        progress.groups += await store.snapshots.writeGroups(snapshotId, groups);
        await store.snapshots.writeMemberships(snapshotId, groups.flatMap(membershipRows));
      }
      await progress.report(groups.length > 0 ? 'groups' : 'accounts', queued.length);
    }
    await writeQueued();
    const counts = { accounts: progress.accounts, groups: progress.groups };
    await deriveAndComplete(store, snapshotId, progress, signal, { counts });
    return { snapshotId, ...counts };
  });
}
