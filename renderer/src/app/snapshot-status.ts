import { createContext, useContext } from 'react';

/**
 * Lets whatever makes a new snapshot (a scan from the dashboard or Settings)
 * tell the shell, whose header shows the current snapshot and its age.
 */
export interface SnapshotStatus {
  /** Read the current snapshot again. */
  refresh: () => void;
}

export const SnapshotStatusContext = createContext<SnapshotStatus | null>(null);

/** The shell's snapshot status, or null outside the shell (a page rendered on its own). */
export function useSnapshotStatus(): SnapshotStatus | null {
  return useContext(SnapshotStatusContext);
}
