import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationInput, OperationOutput, ProgressOf } from './contract-types';
import { call, cancelTask, newTaskId, onTaskProgress } from './warden-client';
import { toWardenApiError, type WardenApiError } from './warden-api-error';

/** A long operation of the contract, whose caller can follow and cancel it by a task id. */
export type TaskOperation =
  'testConnection' | 'scanProfile' | 'queryExactLastLogon' | 'containAccounts' | 'restoreAccounts';

export type TaskRequest<Op extends TaskOperation> = Omit<OperationInput<Op>, 'taskId'>;

export type TaskState<Op extends TaskOperation> =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; progress: ProgressOf<Op> | undefined; cancelling: boolean }
  | { status: 'succeeded'; result: OperationOutput<Op> }
  | { status: 'failed'; error: WardenApiError }
  | { status: 'cancelled' };

/**
 * One run of a long operation at a time, with its progress and cancellation.
 * A run still going when its owner goes away is cancelled: nobody would see
 * it end.
 */
export function useTask<Op extends TaskOperation>(operation: Op) {
  const [state, setState] = useState<TaskState<Op>>({ status: 'idle' });
  const running = useRef<string | undefined>(undefined);

  useEffect(
    () => () => {
      if (running.current !== undefined) void cancelTask(running.current).catch(() => undefined);
    },
    [],
  );

  /** Runs the operation; resolves to how it ended (also kept in `state`). */
  const start = useCallback(
    async (request: TaskRequest<Op>): Promise<TaskState<Op>> => {
      if (running.current !== undefined) return { status: 'idle' };
      const taskId = newTaskId();
      running.current = taskId;
      setState({ status: 'running', taskId, progress: undefined, cancelling: false });
      const unsubscribe = onTaskProgress<Op>(taskId, (progress) => {
        setState((previous) =>
          previous.status === 'running' && previous.taskId === taskId ? { ...previous, progress } : previous,
        );
      });
      let outcome: TaskState<Op>;
      try {
        const input = { ...request, taskId } as OperationInput<Op>;
        outcome = { status: 'succeeded', result: await call(operation, input) };
      } catch (caught) {
        const error = toWardenApiError(caught);
        outcome = error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error };
      } finally {
        unsubscribe();
        running.current = undefined;
      }
      setState(outcome);
      return outcome;
    },
    [operation],
  );

  const cancel = useCallback(async () => {
    const taskId = running.current;
    if (taskId === undefined) return;
    setState((previous) => (previous.status === 'running' ? { ...previous, cancelling: true } : previous));
    try {
      await cancelTask(taskId);
    } catch (caught) {
      setState({ status: 'failed', error: toWardenApiError(caught) });
    }
  }, []);

  const reset = useCallback(() => {
    if (running.current === undefined) setState({ status: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
