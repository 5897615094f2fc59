import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { AccountQuery, AccountSort } from '../risk/risk-types';
import { AccountWindow } from './account-window';

interface Held {
  key: string;
  window: AccountWindow;
}

/**
 * The window of rows for the query and order in force. Another query, order
 * or a reload makes a new window, which shows the previous rows until its
 * own first block is back.
 */
export function useAccountWindow(query: AccountQuery, sort: AccountSort) {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([query, sort, generation]);
  const [held, setHeld] = useState<Held>(() => ({ key, window: new AccountWindow(query, sort) }));
  let current = held;
  // Derived from the props during render (React's pattern for state that follows props); nothing is read yet.
  if (held.key !== key) {
    current = { key, window: new AccountWindow(query, sort, held.window) };
    setHeld(current);
  }
  const state = useSyncExternalStore(current.window.subscribe, current.window.getState);
  // The first block at once, before any table is drawn: it says how many match, or that there is no snapshot.
  useEffect(() => current.window.ensure(0, 0), [current.window]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { window: current.window, state, reload };
}
