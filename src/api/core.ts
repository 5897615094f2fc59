import { existsSync } from 'node:fs';
import { WardenError } from '../errors';
import { testConnection } from '../directory/test-connection';
import { openStore, type Store, type StoreKey } from '../store';
import type { ProgressEvent } from './contract';
import { createRouter, type Handlers, type Router } from './router';
import type { StoreStatus } from './schemas';

/** How the core gets the store's key: given now, or asked of the user through unlockStore. */
export type KeySource =
  | { kind: 'raw'; key: Buffer }
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'ask-passphrase'; warning?: string };

export interface CoreOptions {
  storePath: string;
  keySource: KeySource;
  version: string;
  platform: string;
  isDemo?: boolean;
  /** Path of a native better-sqlite3 build for another ABI (Electron's). */
  nativeBinding?: string;
  emit: (event: ProgressEvent) => void;
}

export interface Core {
  router: Router;
  close(): Promise<void>;
}

/**
 * The core as the desktop app and the browser test harness see it: the store's
 * lifecycle plus the contract's router over the domain services.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  let store: Store | null = null;
  const protection: StoreStatus['keyProtection'] = options.keySource.kind === 'raw' ? 'os-keystore' : 'passphrase';
  const warning = options.keySource.kind === 'ask-passphrase' ? options.keySource.warning : undefined;

  const open = async (key: StoreKey): Promise<void> => {
    store = await openStore({
      path: options.storePath,
      key,
      create: true,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  };
  if (options.keySource.kind !== 'ask-passphrase') await open(options.keySource);

  const status = (): StoreStatus => ({
    state: store ? 'open' : 'locked',
    keyProtection: protection,
    path: options.storePath,
    exists: store !== null || existsSync(options.storePath),
    ...(warning === undefined ? {} : { warning }),
    ...(store ? { schemaVersion: store.schemaVersion } : {}),
  });

  const openStoreOrFail = (): Store => {
    if (store) return store;
    throw new WardenError('STORE_LOCKED', 'The encrypted store is locked: enter its passphrase first.', {
      path: options.storePath,
    });
  };

  const handlers: Handlers = {
    getAppInfo: () => ({
      name: 'Warden',
      version: options.version,
      platform: options.platform,
      isDemo: options.isDemo ?? false,
      store: status(),
    }),
    unlockStore: async ({ passphrase }) => {
      if (!store) await open({ kind: 'passphrase', passphrase });
      return status();
    },
    getSettings: () => openStoreOrFail().settings.get(),
    updateSettings: (changes) => openStoreOrFail().settings.update(changes),
    listProfiles: () => openStoreOrFail().profiles.list(),
    saveProfile: (input) => openStoreOrFail().profiles.save(input),
    deleteProfile: async ({ id }) => ({ deleted: await openStoreOrFail().profiles.delete(id) }),
    testConnection: ({ target, password }, { signal, reportProgress }) =>
      testConnection(target, password, { signal, onProgress: reportProgress }),
  };

  const router = createRouter(handlers, options.emit);
  return {
    router,
    async close() {
      router.cancelAll();
      await store?.close();
      store = null;
    },
  };
}
