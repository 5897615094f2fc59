import { WardenError, type ErrorDetails } from '../errors';

export type ScanErrorCode =
  /** Stopped through the AbortSignal; the code the app uses for every cancelled task. */
  'CANCELLED';

/** A scan that stopped for a reason of its own rather than a directory or store failure. */
export class ScanError extends WardenError {
  declare readonly code: ScanErrorCode;

  // Narrows `code` to the scan's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: ScanErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

export function scanCancelled(snapshotId: string): ScanError {
  return new ScanError('CANCELLED', 'The scan was cancelled; the last complete snapshot is unchanged.', {
    snapshotId,
  });
}

/** True for every way a task reports cancellation (the directory's, the store's, the scan's own). */
export function isCancellation(error: unknown): boolean {
  return error instanceof WardenError && error.code === 'CANCELLED';
}
