import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressOf } from '../api/contract-types';
import { call, cancelTask, newTaskId, onTaskProgress } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { useSession } from '../app/session';

export type DemoProgress = ProgressOf<'openDemo'>;

export type OpenDemoState =
  | { status: 'idle' }
  | { status: 'loading'; progress: DemoProgress | undefined; cancelling: boolean }
  | { status: 'switching' }
  | { status: 'failed'; error: WardenApiError }
  | { status: 'cancelled' };

/**
 * Loads the demo company and switches the app to it, with progress and
 * cancellation. Leaving the page mid-load cancels the load; if the core had
 * already finished, the app still switches, so the screen never disagrees
 * with the store the core has open.
 */
export function useOpenDemo() {
  const { refreshAppInfo } = useSession();
  const [state, setState] = useState<OpenDemoState>({ status: 'idle' });
  const running = useRef<string | undefined>(undefined);

  useEffect(
    () => () => {
      if (running.current !== undefined) void cancelTask(running.current).catch(() => undefined);
    },
    [],
  );

  const open = useCallback(async () => {
    if (running.current !== undefined) return;
    const taskId = newTaskId();
    running.current = taskId;
    setState({ status: 'loading', progress: undefined, cancelling: false });
    const unsubscribe = onTaskProgress<'openDemo'>(taskId, (progress) => {
      setState((previous) => (previous.status === 'loading' ? { ...previous, progress } : previous));
    });
    try {
      await call('openDemo', { taskId });
    } catch (caught) {
      const error = toWardenApiError(caught);
      setState(error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error });
      return;
    } finally {
      unsubscribe();
      running.current = undefined;
    }
    setState({ status: 'switching' });
    try {
      await refreshAppInfo();
    } catch (caught) {
      setState({ status: 'failed', error: toWardenApiError(caught) });
    }
  }, [refreshAppInfo]);

  const cancel = useCallback(async () => {
    const taskId = running.current;
    if (taskId === undefined) return;
    setState((previous) => (previous.status === 'loading' ? { ...previous, cancelling: true } : previous));
    try {
      await cancelTask(taskId);
    } catch (caught) {
      setState({ status: 'failed', error: toWardenApiError(caught) });
    }
  }, []);

  return { state, open, cancel };
}
