import type { OperationOutput, ProgressOf } from '../api/contract-types';
import { useTask, type TaskRequest, type TaskState } from '../api/use-task';

export type ScanRequest = TaskRequest<'scanProfile'>;
export type ScanSummary = OperationOutput<'scanProfile'>;
export type ScanProgress = ProgressOf<'scanProfile'>;
export type ProfileScanState = TaskState<'scanProfile'>;

/**
 * One scan of a saved profile at a time, with its progress and cancellation;
 * a scan still running when its owner goes away is cancelled, and the
 * previous snapshot stays current.
 */
export function useProfileScan() {
  return useTask('scanProfile');
}
