import { assess, completeSnapshot, type Assessment } from '../risk';
import type { Store } from '../store';

export interface AssessmentCache {
  /** The assessment of a snapshot (the latest complete one by default), computed once until clear(). */
  get(store: Store, snapshotId?: string): Promise<Assessment>;
  /** Forgets the assessment: after anything that changes what it reads (policy, metadata, HR, a scan, the store). */
  clear(): void;
}

/**
 * Keeps the last assessment asked for. Assessing 100k accounts takes seconds,
 * and every page of the inventory, the detail of an account and the dashboard
 * read the same one; the core clears it whenever something it depends on changes.
 */
export function assessmentCache(resourcesDir: string): AssessmentCache {
  let entry: { store: Store; snapshotId: string; assessment: Promise<Assessment> } | undefined;
  return {
    async get(store, snapshotId) {
      // Resolved each time: a new scan makes a new latest snapshot, whatever the cache holds.
      const snapshot = await completeSnapshot(store, snapshotId);
      if (entry !== undefined && entry.store === store && entry.snapshotId === snapshot.id) return entry.assessment;
      const assessment = assess(store, { resourcesDir, snapshotId: snapshot.id });
      const current = { store, snapshotId: snapshot.id, assessment };
      entry = current;
      // A failed run is not kept: the next call tries again.
      assessment.catch(() => {
        if (entry === current) entry = undefined;
      });
      return assessment;
    },
    clear() {
      entry = undefined;
    },
  };
}
