import {
  Caption1,
  makeStyles,
  mergeClasses,
  NavDrawer,
  NavDrawerBody,
  NavDrawerFooter,
  NavDrawerHeader,
  NavItem,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ShieldKeyhole24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { ConnectionPage } from '../connection/ConnectionPage';
import { DemoBanner } from '../demo/DemoBanner';
import { ActionsPage } from '../pages/ActionsPage';
import { AuditLogPage } from '../pages/AuditLogPage';
import { DashboardPage } from '../pages/DashboardPage';
import { InventoryPage } from '../pages/InventoryPage';
import { ReconciliationPage } from '../pages/ReconciliationPage';
import { SettingsPage } from '../settings/SettingsPage';
import { mark, NAVIGATED } from '../inventory/perf-marks';
import { navIcons } from './nav-icons';
import { NavigationContext, type Navigation } from './navigation';
import { highlightedPage, navItems, type NavPage, type Route } from './routes';
import { useSession } from './session';
import { SnapshotStatusBar } from './SnapshotStatusBar';
import { SnapshotStatusContext, type SnapshotStatus } from './snapshot-status';

const useStyles = makeStyles({
  root: { display: 'flex', flexGrow: 1, backgroundColor: tokens.colorNeutralBackground2 },
  // The column runs the page's full length in the drawer's colour; the drawer itself stays in view.
  navColumn: { flexShrink: 0, backgroundColor: tokens.colorNeutralBackground4 },
  drawer: { position: 'sticky', top: 0, height: '100vh' },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  brandIcon: { color: tokens.colorBrandForeground1, display: 'flex' },
  footer: { color: tokens.colorNeutralForeground3, paddingInline: tokens.spacingHorizontalM },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ':focus-visible': { outline: 'none' },
  },
  content: { maxWidth: '1100px', margin: '0 auto' },
  // The Inventory's table has many columns to show: it gets the width of a large screen.
  wide: { maxWidth: '1680px' },
});

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'inventory':
      // Keyed by the query, so opening the Inventory on another one starts from it.
      return <InventoryPage key={JSON.stringify(route.query ?? {})} initialQuery={route.query ?? {}} />;
    case 'reconciliation':
      return <ReconciliationPage />;
    case 'actions':
      return <ActionsPage />;
    case 'audit':
      return <AuditLogPage />;
    case 'settings':
      return <SettingsPage />;
    case 'connect':
      // Keyed so that editing another profile starts from a fresh form.
      return <ConnectionPage key={route.profile?.id ?? 'new'} profile={route.profile} returnTo={route.returnTo} />;
  }
}

export function AppShell() {
  const styles = useStyles();
  const { appInfo } = useSession();
  const [route, setRoute] = useState<Route>({ page: 'dashboard' });
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const navigate = useCallback((next: Route) => {
    // Where the Inventory's first rows are timed from (see perf-marks.ts).
    mark(NAVIGATED);
    setRoute(next);
  }, []);
  // A new snapshot from a page's own scan: the header reads it (remounted). One from the header's scan: the page does.
  const [statusGeneration, setStatusGeneration] = useState(0);
  const [pageGeneration, setPageGeneration] = useState(0);
  const snapshotStatus = useMemo<SnapshotStatus>(() => ({ refresh: () => setStatusGeneration((n) => n + 1) }), []);
  const reloadPage = useCallback(() => setPageGeneration((n) => n + 1), []);
  const openConnectionForm = useCallback((from: NavPage, profile?: ConnectionProfile) => {
    setRoute(
      profile === undefined ? { page: 'connect', returnTo: from } : { page: 'connect', profile, returnTo: from },
    );
  }, []);
  const navigation = useMemo<Navigation>(
    () => ({ route, navigate, openConnectionForm }),
    [route, navigate, openConnectionForm],
  );

  useEffect(() => {
    // After a page change, move focus to the new page so keyboard and screen-reader users start at its top.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    mainRef.current?.focus({ preventScroll: true });
  }, [route]);

  return (
    <NavigationContext.Provider value={navigation}>
      <div className={styles.root}>
        <div className={styles.navColumn}>
          <NavDrawer
            open
            type="inline"
            className={styles.drawer}
            selectedValue={highlightedPage(route)}
            onNavItemSelect={(_event, data) => navigate({ page: data.value as NavPage })}
            aria-label="Main navigation"
          >
            <NavDrawerHeader>
              <div className={styles.brand}>
                <span className={styles.brandIcon} aria-hidden="true">
                  <ShieldKeyhole24Regular />
                </span>
                <Subtitle2>Warden</Subtitle2>
              </div>
            </NavDrawerHeader>
            <NavDrawerBody>
              {navItems.map(({ page, label }) => {
                const Icon = navIcons[page];
                return (
                  <NavItem key={page} value={page} icon={<Icon />}>
                    {label}
                  </NavItem>
                );
              })}
            </NavDrawerBody>
            <NavDrawerFooter>
              <Caption1 className={styles.footer}>
                Version {appInfo.version}
                {appInfo.isDemo ? ' · demo domain' : ''}
              </Caption1>
            </NavDrawerFooter>
          </NavDrawer>
        </div>
        <main ref={mainRef} className={styles.main} tabIndex={-1} aria-label="Page content">
          <div className={mergeClasses(styles.content, route.page === 'inventory' && styles.wide)}>
            {/* Outside the provider: its own scan reloads the page below, not itself (its dialog stays open). */}
            <SnapshotStatusBar key={`${appInfo.isDemo ? 'demo' : 'user'}-${statusGeneration}`} onScanned={reloadPage} />
            <SnapshotStatusContext.Provider value={snapshotStatus}>
              {appInfo.isDemo && <DemoBanner />}
              {/* Keyed by the open store, so a switch into or out of the demo reloads what the page shows. */}
              <PageFor key={`${appInfo.isDemo ? 'demo' : 'user'}-${pageGeneration}`} route={route} />
            </SnapshotStatusContext.Provider>
          </div>
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
