import { DEFAULT_COLUMNS, normalizeColumns } from './inventory-columns';
import type { InventoryColumn } from './inventory-types';

/**
 * The columns last chosen, kept in the window's local storage: a layout
 * preference, not data about the directory, so it needs no encryption and
 * applies to the demo and the user's store alike. Saved views, which carry
 * criteria, live in the encrypted store.
 */
const KEY = 'warden.inventory.columns';

export function loadColumns(): InventoryColumn[] {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (Array.isArray(saved) && saved.every((item) => typeof item === 'string')) return normalizeColumns(saved);
  } catch {
    // Unreadable or unavailable storage: the defaults do.
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(columns: readonly InventoryColumn[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(columns));
  } catch {
    // Storage full or disabled: the choice lasts as long as the window.
  }
}
