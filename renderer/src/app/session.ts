import { createContext, useContext } from 'react';
import type { OperationOutput } from '../api/contract-types';
import type { ThemeChoice } from '../theme/use-resolved-theme';

export type AppInfo = OperationOutput<'getAppInfo'>;

/** What every page may need to know about the running app once the store is open. */
export interface Session {
  appInfo: AppInfo;
  theme: ThemeChoice;
  /** Saves the theme in the store and redraws; rejects with a WardenApiError. */
  setTheme: (theme: ThemeChoice) => Promise<void>;
  /**
   * Re-reads the app info and the settings after the core switched stores
   * (into or out of the demo), so every page shows the store now open.
   * Rejects with a WardenApiError.
   */
  refreshAppInfo: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() is only available once the store is open.');
  return session;
}
