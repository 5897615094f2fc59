import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import type { AccountWindow } from './account-window';
import { ALL_MATCHING, headerState, NO_ROWS, selectedCount, withRows, type RowSelection } from './row-selection';

interface Held {
  queryKey: string;
  selection: RowSelection;
}

/**
 * The rows ticked in the window's result. Other filters match other
 * accounts, so they start with nothing ticked; another order or a reload of
 * the same filters keeps the selection.
 */
export function useRowSelection(rows: AccountWindow, onError: (error: WardenApiError) => void) {
  const queryKey = JSON.stringify(rows.query);
  const [held, setHeld] = useState<Held>({ queryKey, selection: NO_ROWS });
  const selection = held.queryKey === queryKey ? held.selection : NO_ROWS;
  const latestKey = useRef(queryKey);
  useLayoutEffect(() => {
    latestKey.current = queryKey;
  }, [queryKey]);

  // A change asked under earlier filters (a span still being read when they changed) is dropped.
  const update = useCallback(
    (change: (selection: RowSelection) => RowSelection) => {
      if (latestKey.current !== queryKey) return;
      setHeld((previous) => ({
        queryKey,
        selection: change(previous.queryKey === queryKey ? previous.selection : NO_ROWS),
      }));
    },
    [queryKey],
  );

  /** Ticks or unticks rows `first` to `last` of the window's order, drawn or not. */
  const selectRows = useCallback(
    (first: number, last: number, selected: boolean) => {
      rows.objectGuidsBetween(first, last).then(
        (guids) => update((current) => withRows(current, guids, selected)),
        (caught: unknown) => onError(toWardenApiError(caught)),
      );
    },
    [rows, update, onError],
  );
  const total = rows.total;
  /** Every matching account, or none when every one is ticked already. */
  const selectAll = useCallback(
    () => update((current) => (headerState(current, total) === true ? NO_ROWS : ALL_MATCHING)),
    [update, total],
  );
  const clear = useCallback(() => update(() => NO_ROWS), [update]);

  return { selection, count: selectedCount(selection, total), selectRows, selectAll, clear };
}
