import { useCallback, useEffect, useState } from 'react';
import { toWardenApiError, type WardenApiError } from './warden-api-error';

export interface QueryState<T> {
  data: T | undefined;
  error: WardenApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  generation: number;
  data: T | undefined;
  error: WardenApiError | undefined;
}

/**
 * Runs a read against the core when the component mounts and on reload().
 * Answers that arrive after a newer request started are dropped, so a slow
 * reply never overwrites a fresh one. `load` must be stable (defined at module
 * level or memoised): a new function means a new request.
 */
export function useWardenQuery<T>(load: () => Promise<T>): QueryState<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ generation: -1, data: undefined, error: undefined });

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setSettled({ generation, data, error: undefined }),
      (caught: unknown) =>
        current && setSettled((previous) => ({ generation, data: previous.data, error: toWardenApiError(caught) })),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // Earlier data stays visible while a reload runs.
  return { data: settled.data, error: settled.error, loading: settled.generation !== generation, reload };
}
