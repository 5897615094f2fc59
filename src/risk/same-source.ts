import type { Snapshot, Store } from '../store';

/**
 * The complete snapshots taken before this one from the same source (profile,
 * LDIF or demo), oldest first: another domain's snapshots say nothing about
 * this one's accounts.
 */
export async function earlierSnapshots(store: Store, snapshot: Snapshot): Promise<Snapshot[]> {
  const earlier = (await store.snapshots.list()).filter(
    (candidate) =>
      candidate.status === 'complete' &&
      candidate.profileId === snapshot.profileId &&
      candidate.sourceKind === snapshot.sourceKind &&
      candidate.startedAt < snapshot.startedAt,
  );
  return earlier.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
}
