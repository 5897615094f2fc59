import type { OperationOutput, ProgressOf } from '../api/contract-types';
import { useTask, type TaskState } from '../api/use-task';

export type ConnectionReport = OperationOutput<'testConnection'>;
export type ConnectionProgress = ProgressOf<'testConnection'>;
export type ConnectionTestState = TaskState<'testConnection'>;

/** One connection test at a time, with its progress and cancellation; a test still running when the form goes away is cancelled. */
export function useConnectionTest() {
  return useTask('testConnection');
}
