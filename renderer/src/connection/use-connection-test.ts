import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationOutput, ProgressOf } from '../api/contract-types';
import { call, cancelTask, newTaskId, onTaskProgress } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import type { TargetPayload } from './connection-form-model';

export type ConnectionReport = OperationOutput<'testConnection'>;
export type ConnectionProgress = ProgressOf<'testConnection'>;

export type ConnectionTestState =
  | { status: 'idle' }
  | { status: 'running'; taskId: string; progress: ConnectionProgress | undefined; cancelling: boolean }
  | { status: 'succeeded'; report: ConnectionReport }
  | { status: 'failed'; error: WardenApiError }
  | { status: 'cancelled' };

/**
 * One connection test at a time, with its progress and cancellation. A test
 * still running when the form goes away is cancelled: nobody would see it end.
 */
export function useConnectionTest() {
  const [state, setState] = useState<ConnectionTestState>({ status: 'idle' });
  const running = useRef<string | undefined>(undefined);

  useEffect(
    () => () => {
      if (running.current !== undefined) void cancelTask(running.current).catch(() => undefined);
    },
    [],
  );

  /** Runs the test; resolves to how it ended (also kept in `state`). */
  const start = useCallback(async (target: TargetPayload, password: string): Promise<ConnectionTestState> => {
    if (running.current !== undefined) return { status: 'idle' };
    const taskId = newTaskId();
    running.current = taskId;
    setState({ status: 'running', taskId, progress: undefined, cancelling: false });
    const unsubscribe = onTaskProgress<'testConnection'>(taskId, (progress) => {
      setState((previous) =>
        previous.status === 'running' && previous.taskId === taskId ? { ...previous, progress } : previous,
      );
    });
    let outcome: ConnectionTestState;
    try {
      outcome = { status: 'succeeded', report: await call('testConnection', { taskId, target, password }) };
    } catch (caught) {
      const error = toWardenApiError(caught);
      outcome = error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error };
    } finally {
      unsubscribe();
      running.current = undefined;
    }
    setState(outcome);
    return outcome;
  }, []);

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
