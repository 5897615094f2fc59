import { performance } from 'node:perf_hooks';
import type { ConnectionTarget } from '../api/schemas';
import { close, connectToTarget, enumerateDirectory, readInvocationId, readRootDse } from '../directory';
import type { Store } from '../store';
import { ingestSnapshot } from './ingest';
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
}

const SCAN_PAGE_SIZE = 1000;

export interface ScanSummary {
  snapshotId: string;
  accounts: number;
  groups: number;
  durationMs: number;
  incremental: false;
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
    const previous = await store.snapshots.latestComplete(options.profileId);
    const estimatedTotal =
      previous !== undefined && previous.baseDn?.toLowerCase() === baseDn.toLowerCase()
        ? previous.accountCount + previous.groupCount
        : undefined;

    const result = await ingestSnapshot({
      store,
      snapshot: {
        sourceKind: 'ldap',
        ...(options.profileId === undefined ? {} : { profileId: options.profileId }),
        dcHost: rootDse.dnsHostName ?? connection.endpoint.host,
        ...(invocationId === undefined ? {} : { invocationId }),
        baseDn,
        ...(rootDse.highestCommittedUSN === undefined ? {} : { highestCommittedUsn: rootDse.highestCommittedUSN }),
      },
      pages: enumerateDirectory(connection, {
        baseDn,
        pageSize: options.pageSize ?? SCAN_PAGE_SIZE,
        ...signalOption,
      }),
      ...signalOption,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(estimatedTotal === undefined ? {} : { estimatedTotal }),
    });
    return { ...result, durationMs: Math.round(performance.now() - started), incremental: false };
  } finally {
    await close(connection);
  }
}
