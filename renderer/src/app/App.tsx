import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoreStatus } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { UnlockScreen } from '../pages/UnlockScreen';
import { WardenThemeProvider } from '../theme/WardenThemeProvider';
import type { ThemeChoice } from '../theme/use-resolved-theme';
import { AppShell } from './AppShell';
import { SessionContext, type AppInfo, type Session } from './session';
import { StartupFailure, StartupProgress } from './StartupScreens';

type Startup =
  | { phase: 'starting' }
  | { phase: 'failed'; error: WardenApiError }
  | { phase: 'locked'; appInfo: AppInfo }
  | { phase: 'open'; appInfo: AppInfo; theme: ThemeChoice };

/** Settings live in the encrypted store, so they can only be read once it is open. */
async function openSession(appInfo: AppInfo): Promise<Startup> {
  const settings = await call('getSettings', {});
  return { phase: 'open', appInfo, theme: settings.theme };
}

async function start(): Promise<Startup> {
  const appInfo = await call('getAppInfo', {});
  if (appInfo.store.state === 'locked') return { phase: 'locked', appInfo };
  return openSession(appInfo);
}

export function App() {
  const [startup, setStartup] = useState<Startup>({ phase: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    start()
      .then((next) => current && setStartup(next))
      .catch((error: unknown) => current && setStartup({ phase: 'failed', error: toWardenApiError(error) }));
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setStartup({ phase: 'starting' });
    setAttempt((n) => n + 1);
  }, []);

  const unlocked = useCallback(async (store: StoreStatus, appInfo: AppInfo) => {
    try {
      setStartup(await openSession({ ...appInfo, store }));
    } catch (error) {
      setStartup({ phase: 'failed', error: toWardenApiError(error) });
    }
  }, []);

  const setTheme = useCallback(async (theme: ThemeChoice) => {
    const settings = await call('updateSettings', { theme });
    setStartup((previous) => (previous.phase === 'open' ? { ...previous, theme: settings.theme } : previous));
  }, []);

  // Start-up again, but in place: the pages stay on screen while the store switches under them.
  const refreshAppInfo = useCallback(async () => {
    setStartup(await start());
  }, []);

  const session = useMemo<Session | null>(
    () =>
      startup.phase === 'open' ? { appInfo: startup.appInfo, theme: startup.theme, setTheme, refreshAppInfo } : null,
    [startup, setTheme, refreshAppInfo],
  );

  return (
    <WardenThemeProvider choice={startup.phase === 'open' ? startup.theme : 'system'}>
      {startup.phase === 'starting' && <StartupProgress />}
      {startup.phase === 'failed' && <StartupFailure error={startup.error} onRetry={retry} />}
      {startup.phase === 'locked' && (
        <UnlockScreen store={startup.appInfo.store} onUnlocked={(store) => unlocked(store, startup.appInfo)} />
      )}
      {session !== null && (
        <SessionContext.Provider value={session}>
          <AppShell />
        </SessionContext.Provider>
      )}
    </WardenThemeProvider>
  );
}
