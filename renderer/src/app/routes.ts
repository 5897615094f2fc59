import type { ConnectionProfile } from '../api/contract-types';
import type { AccountQuery } from '../risk/risk-types';

export type NavPage = 'dashboard' | 'inventory' | 'reconciliation' | 'actions' | 'audit' | 'settings';

/**
 * Where the shell is. The Inventory may be opened on a query (from a chart of
 * the Dashboard); the connection form is a page of its own, reached from the
 * Dashboard or Settings.
 */
export type Route =
  | { page: Exclude<NavPage, 'inventory'> }
  | { page: 'inventory'; query?: AccountQuery }
  | { page: 'connect'; profile?: ConnectionProfile; returnTo: NavPage };

export const navItems: ReadonlyArray<{ page: NavPage; label: string }> = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'inventory', label: 'Inventory' },
  { page: 'reconciliation', label: 'Reconciliation' },
  { page: 'actions', label: 'Actions' },
  { page: 'audit', label: 'Audit log' },
  { page: 'settings', label: 'Settings' },
];

/** The nav entry to highlight: the connection form belongs to the page it was opened from. */
export function highlightedPage(route: Route): NavPage {
  return route.page === 'connect' ? route.returnTo : route.page;
}
