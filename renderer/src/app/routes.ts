import type { ConnectionProfile } from '../api/contract-types';

export type NavPage = 'dashboard' | 'inventory' | 'reconciliation' | 'actions' | 'audit' | 'settings';

/** Where the shell is. The connection form is a page of its own, reached from the Dashboard or Settings. */
export type Route = { page: NavPage } | { page: 'connect'; profile?: ConnectionProfile; returnTo: NavPage };

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
