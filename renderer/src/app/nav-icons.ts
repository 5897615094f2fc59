import {
  ArrowSwap24Filled,
  ArrowSwap24Regular,
  Board24Filled,
  Board24Regular,
  bundleIcon,
  Flash24Filled,
  Flash24Regular,
  History24Filled,
  History24Regular,
  PeopleList24Filled,
  PeopleList24Regular,
  Settings24Filled,
  Settings24Regular,
} from '@fluentui/react-icons';
import type { NavPage } from './routes';

/** Outline icons, filled when the item is selected, as in Windows' own navigation panes. */
export const navIcons: Record<NavPage, ReturnType<typeof bundleIcon>> = {
  dashboard: bundleIcon(Board24Filled, Board24Regular),
  inventory: bundleIcon(PeopleList24Filled, PeopleList24Regular),
  reconciliation: bundleIcon(ArrowSwap24Filled, ArrowSwap24Regular),
  actions: bundleIcon(Flash24Filled, Flash24Regular),
  audit: bundleIcon(History24Filled, History24Regular),
  settings: bundleIcon(Settings24Filled, Settings24Regular),
};
