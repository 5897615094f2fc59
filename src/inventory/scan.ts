import { performance } from 'node:perf_hooks';
import type { ConnectionTarget } from '../api/schemas';
import { close, connectToTarget, enumerateDirectory, readInvocationId, readRootDse } from '../directory';
import type { Store } from '../store';
import { applyDirectoryChanges, type AppliedChanges } from './apply-changes';
import { incrementalAnchor } from './incremental-anchor';
import { ingestSnapshot } from './ingest';
import { deriveAndComplete, ProgressCounter, writeSnapshot } from './snapshot-writing';
import type { ScanProgressListener } from './progress';

export interface ScanDirectoryOptions {
  target: ConnectionTarget;
  password: string;
  store: Store;
  /** The connection profile the scan belongs to; estimates and "latest" are per profile. */
  profileId?: string;
  signal?: AbortSignal;
  onProgress?: ScanProgressListener;
  /** Entries per LDAP page (default 1,000: AD's cap, and the fewest round trips). */
  pageSize?: number;
  /**
   * Read only what changed since the last complete snapshot of the same
   * profile, when that snapshot allows it (see incremental-anchor.ts); a full
   * scan otherwise, with the reason in the summary.
   */
  incremental?: boolean;
}

const SCAN_PAGE_SIZE = 1000;

export interface ScanSummary {
  snapshotId: string;
  /** Accounts and groups the new snapshot holds. */
  accounts: number;
  groups: number;
  durationMs: number;
  /** True when only the changes since `baseSnapshotId` were read. */
  incremental: boolean;
  /** Why an incremental scan that was asked for read everything instead. */
  fullScanReason?: string;
  baseSnapshotId?: string;
  /** What an incremental scan read and removed. */
  changes?: Omit<AppliedChanges, 'graphChanged'>;
}

/**
 * A full scan of a domain into a new snapshot: connect and bind, read the
 * rootDSE and the DC's invocationId (the anchor of a later incremental
 * rescan), then stream accounts and groups into the store page by page.
 * A failure before the snapshot begins (connecting, binding, the rootDSE)
 * leaves no snapshot behind; any later failure marks it failed, an abort
 * marks it cancelled, and the typed error is rethrown.
 */
export async function scanDirectory(options: ScanDirectoryOptions): Promise<ScanSummary> {
  const { target, store, signal, onProgress } = options;
  const started = performance.now();
  const signalOption = signal === undefined ? {} : { signal };
  const phase = (name: 'connecting' | 'binding' | 'reading-rootdse'): Promise<void> =>
    Promise.resolve(onProgress?.({ phase: name, accounts: 0, groups: 0, ratePerSecond: 0 }));

  const connection = await connectToTarget(target, options.password, {
    ...signalOption,
    // connect() reports its steps synchronously; a listener's promise cannot hold a handshake in flight.
    onPhase: (name) => void phase(name).catch(() => undefined),
  });
  try {
    await phase('reading-rootdse');
    const rootDse = await readRootDse(connection, signalOption);
    const invocationId =
      rootDse.dsServiceName === undefined
        ? undefined
        : await readInvocationId(connection, rootDse.dsServiceName, signalOption);
    const baseDn = target.baseDn ?? rootDse.defaultNamingContext;
    const previous = await store.snapshots.latestComplete(options.profileId ?? null);
    const estimatedTotal =
      previous !== undefined && previous.baseDn?.toLowerCase() === baseDn.toLowerCase()
        ? previous.accountCount + previous.groupCount
        : undefined;
    const dcHost = rootDse.dnsHostName ?? connection.endpoint.host;
    const snapshot = {
      sourceKind: 'ldap' as const,
      ...(options.profileId === undefined ? {} : { profileId: options.profileId }),
      dcHost,
      ...(invocationId === undefined ? {} : { invocationId }),
      baseDn,
      bindName: target.bindName,
      ...(rootDse.highestCommittedUSN === undefined ? {} : { highestCommittedUsn: rootDse.highestCommittedUSN }),
    };
    const anchor = options.incremental
      ? incrementalAnchor(previous, {
          dcHost,
          invocationId,
          baseDn,
          bindName: target.bindName,
          highestCommittedUsn: rootDse.highestCommittedUSN,
        })
      : undefined;
    if (anchor?.incremental === true) {
      const snapshotId = await store.snapshots.begin({ ...snapshot, baseSnapshotId: anchor.base.id });
      const progress = new ProgressCounter(onProgress);
      return await writeSnapshot(store, snapshotId, signal, async () => {
        const changes = await applyDirectoryChanges({
          connection,
          store,
          snapshotId,
          baseDn,
          namingContext: namingContextOf(baseDn, rootDse.defaultNamingContext),
          changedAfterUsn: anchor.changedAfterUsn,
          changedUpToUsn: anchor.changedUpToUsn,
          pageSize: options.pageSize ?? SCAN_PAGE_SIZE,
          progress,
          ...signalOption,
        });
        const { graphChanged, ...applied } = changes;
        const counts = await deriveAndComplete(
          store,
          snapshotId,
          progress,
          signal,
          graphChanged ? {} : { effectiveMembershipsOf: anchor.base.id },
        );
        return {
          snapshotId,
          ...counts,
          durationMs: Math.round(performance.now() - started),
          incremental: true,
          baseSnapshotId: anchor.base.id,
          changes: applied,
        };
      });
    }

    const result = await ingestSnapshot({
      store,
      snapshot,
      pages: enumerateDirectory(connection, {
        baseDn,
        pageSize: options.pageSize ?? SCAN_PAGE_SIZE,
        ...signalOption,
      }),
      ...signalOption,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(estimatedTotal === undefined ? {} : { estimatedTotal }),
    });
    return {
      ...result,
      durationMs: Math.round(performance.now() - started),
      incremental: false,
      ...(anchor?.incremental === false ? { fullScanReason: anchor.reason } : {}),
    };
  } finally {
    await close(connection);
  }
}

/** The domain naming context that holds the base DN (where its tombstones live), when the DC's default one does. */
function namingContextOf(baseDn: string, defaultNamingContext: string): string | undefined {
  const base = baseDn.toLowerCase();
  const domain = defaultNamingContext.toLowerCase();
  return base === domain || base.endsWith(`,${domain}`) ? defaultNamingContext : undefined;
}
