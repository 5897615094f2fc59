import { useSyncExternalStore } from 'react';

/** The accounts of the last bulk containment of this session: what "Restore the last bulk action" undoes. */
export interface LastBulkAction {
  at: string;
  reason: string;
  /** What was selected, in words: a saved view's name or the filter expression. */
  selection: string;
  /** The accounts the containment acted on (done, denied midway or failed midway), not those refused. */
  objectGuids: string[];
  samAccountNames: string[];
}

let last: LastBulkAction | undefined;
const listeners = new Set<() => void>();

/** Kept for the session at module level, so leaving the Actions page and coming back keeps it. */
export function rememberBulkAction(action: LastBulkAction): void {
  last = action;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLastBulkAction(): LastBulkAction | undefined {
  return useSyncExternalStore(subscribe, () => last);
}
