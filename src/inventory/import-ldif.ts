import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readLdifEntries } from '../directory';
import type { Store } from '../store';
import { ingestSnapshot } from './ingest';
import type { ScanProgressListener } from './progress';
import type { ScanSummary } from './scan';

/** The bundled demo company: an export of a seeded test domain, under the app's resources folder. */
export const DEMO_LDIF_FILE = join('demo', 'corp-demo.ldif');

export interface ImportLdifOptions {
  path: string;
  store: Store;
  /** 'demo' marks the snapshot as the bundled demo, so no screen can mistake it for a real domain. */
  sourceKind?: 'ldif' | 'demo';
  signal?: AbortSignal;
  onProgress?: ScanProgressListener;
}

/**
 * An LDIF export (ldifde -f, ldapsearch -LLL) read through the same pipeline
 * as a live scan, for reviewers who audit a domain they cannot reach.
 */
export async function importLdif(options: ImportLdifOptions): Promise<ScanSummary> {
  const started = performance.now();
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  const result = await ingestSnapshot({
    store: options.store,
    snapshot: { sourceKind: options.sourceKind ?? 'ldif' },
    pages: readLdifEntries(options.path, signal),
    ...signal,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return { ...result, durationMs: Math.round(performance.now() - started), incremental: false };
}
