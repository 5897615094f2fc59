import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { StoreKeyInfo } from './keys';

/** What operations on a whole store (re-keying) need beyond the public Store object. */
export interface StoreHandle {
  database: BetterSqlite3.Database;
  path: string;
  keyInfo: StoreKeyInfo;
}

const handles = new WeakMap<object, StoreHandle>();

export function registerStoreHandle(store: object, handle: StoreHandle): void {
  handles.set(store, handle);
}

export function storeHandle(store: object): StoreHandle | undefined {
  return handles.get(store);
}
