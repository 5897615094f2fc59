/** `memberships`: every page is written and the transitive group memberships are being computed and stored. */
export type ScanPhase =
  'connecting' | 'binding' | 'reading-rootdse' | 'accounts' | 'groups' | 'memberships' | 'finishing';

export interface ScanProgress {
  phase: ScanPhase;
  /** Accounts read so far. */
  accounts: number;
  groups: number;
  /** Objects (accounts and groups) per second since reading began. */
  ratePerSecond: number;
  /** Accounts plus groups of the previous complete snapshot of the same domain, when there is one. */
  estimatedTotal?: number;
}

/**
 * Called after each page. A listener that returns a promise holds the scan
 * until it settles (only the one page already being read ahead is requested
 * meanwhile): backpressure for a slow consumer, and a way for tests to act
 * between two pages.
 */
export type ScanProgressListener = (progress: ScanProgress) => void | Promise<void>;
