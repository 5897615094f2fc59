import { createContext, useContext } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import type { NavPage, Route } from './routes';

export interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  /** Opens the connection form, empty or prefilled with a profile to edit; "Back" returns to `from`. */
  openConnectionForm: (from: NavPage, profile?: ConnectionProfile) => void;
}

export const NavigationContext = createContext<Navigation | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === null) throw new Error('useNavigation() is only available inside the app shell.');
  return navigation;
}
