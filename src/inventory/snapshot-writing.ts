import { performance } from 'node:perf_hooks';
import type { SnapshotCounts, Store } from '../store';
import { isCancellation, scanCancelled } from './errors';
import type { ScanPhase, ScanProgressListener } from './progress';
import { storeEffectiveMemberships } from './store-effective-memberships';

/** Counts objects as they are written and reports them with the rate since the writing began. */
export class ProgressCounter {
  accounts = 0;
  groups = 0;
  private readonly started = performance.now();

  constructor(
    private readonly onProgress: ScanProgressListener | undefined,
    private readonly estimatedTotal?: number,
  ) {}

  /** `queuedAccounts`: read, and waiting to be written with the next batch. */
  async report(phase: ScanPhase, queuedAccounts = 0): Promise<void> {
    const seconds = (performance.now() - this.started) / 1000;
    const accounts = this.accounts + queuedAccounts;
    await this.onProgress?.({
      phase,
      accounts,
      groups: this.groups,
      ratePerSecond: seconds > 0 ? Math.round((accounts + this.groups) / seconds) : 0,
      ...(this.estimatedTotal === undefined ? {} : { estimatedTotal: this.estimatedTotal }),
    });
  }
}

/**
 * Runs the writing of a running snapshot. On failure the snapshot is marked
 * failed (cancelled when the signal fired), which deletes its rows, and the
 * error is rethrown: the last complete snapshot stays what every reader sees.
 */
export async function writeSnapshot<T>(
  store: Store,
  snapshotId: string,
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
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

/**
 * The last steps of every snapshot, once its accounts, groups and `member`
 * rows are in: the transitive memberships derived from them (or, for an
 * incremental snapshot whose membership graph did not change, those of the
 * snapshot it started from), then complete() (which checks `counts` against
 * the stored rows when given).
 */
export async function deriveAndComplete(
  store: Store,
  snapshotId: string,
  progress: ProgressCounter,
  signal: AbortSignal | undefined,
  options: { counts?: SnapshotCounts; effectiveMembershipsOf?: string } = {},
): Promise<SnapshotCounts> {
  if (signal?.aborted) throw scanCancelled(snapshotId);
  await progress.report('memberships');
  if (options.effectiveMembershipsOf === undefined) await storeEffectiveMemberships(store, snapshotId, signal);
  else await store.snapshots.copyEffectiveMemberships(snapshotId, options.effectiveMembershipsOf);
  if (signal?.aborted) throw scanCancelled(snapshotId);
  await progress.report('finishing');
  const done = await store.snapshots.complete(snapshotId, options.counts);
  return { accounts: done.accountCount, groups: done.groupCount };
}
