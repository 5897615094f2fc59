import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { discoverDomainControllers, testConnection } from '../directory';
import { WardenError } from '../errors';
import { DEMO_LDIF_FILE, importLdif, scanDirectory } from '../inventory';
import { importHrFile, previewHrFile } from '../hr';
import { reconcile } from '../hr/reconcile';
import { recordMatchDecision } from '../hr/record-match-decision';
import { currentPolicy, defaultPolicy, resetPolicy, savePolicy } from '../risk';
import { generateDataKey, openStore, type MetadataChange, type Snapshot, type Store, type StoreKey } from '../store';
import { localActor } from '../store/local-actor';
import { accountDetail, assessedAccount } from './account-detail';
import { assessmentCache } from './assessment-cache';
import type { ParsedInput, ProgressEvent } from './contract';
import { existingProfile, profileBindPassword, requestBindPassword } from './bind-password';
import { queryExactLastLogon } from './exact-last-logon-handler';
import { reconciliationPage } from './reconciliation-page';
import { riskOverview } from './risk-overview';
import { killSwitchHandlers } from './kill-switch-handlers';
import { createRouter, type Handlers, type Router } from './router';
import { profileTarget } from './profile-target';
import { exportAccounts, inventoryFacets, listAccounts, listViews, saveView } from './views-operations';
import { prepareInventory } from './assessed-accounts-page';
import type { SnapshotSummary, StoreStatus } from './schemas';

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
  /** The app's bundled resources folder (the demo domain lives in it). */
  resourcesDir: string;
  /** Where the demo's own store is kept while the demo is open; beside the user's store by default. */
  demoStorePath?: string;
  /** Path of a native better-sqlite3 build for another ABI (Electron's). */
  nativeBinding?: string;
  emit: (event: ProgressEvent) => void;
}

export interface Core {
  router: Router;
  close(): Promise<void>;
}

function removeStoreFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function summarize(snapshot: Snapshot): SnapshotSummary {
  return {
    id: snapshot.id,
    sourceKind: snapshot.sourceKind,
    dcHost: snapshot.dcHost,
    baseDn: snapshot.baseDn,
    startedAt: snapshot.startedAt,
    finishedAt: snapshot.finishedAt,
    accountCount: snapshot.accountCount,
    groupCount: snapshot.groupCount,
    profileId: snapshot.profileId,
    kind: snapshot.kind,
  };
}

function metadataChange(input: ParsedInput<'setAccountMetadata'>): MetadataChange {
  switch (input.kind) {
    case 'type':
      return { kind: 'type', value: input.value };
    case 'owner':
      return { kind: 'owner', value: input.value };
    case 'tags':
      return { kind: 'tags', value: input.value };
  }
}

/**
 * The core as the desktop app and the browser test harness see it: the
 * stores' lifecycle plus the contract's router over the domain services.
 *
 * The demo company lives in a store of its own, never mixed with the user's
 * data: a throw-away file under a random key, rebuilt each time the demo is
 * opened and deleted when it is left.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  let userStore: Store | null = null;
  let demoStore: Store | null = null;
  const demoStorePath = options.demoStorePath ?? `${options.storePath}.demo`;
  const protection: StoreStatus['keyProtection'] = options.keySource.kind === 'raw' ? 'os-keystore' : 'passphrase';
  const warning = options.keySource.kind === 'ask-passphrase' ? options.keySource.warning : undefined;
  const binding = options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding };

  const openUserStore = async (key: StoreKey): Promise<void> => {
    userStore = await openStore({ path: options.storePath, key, create: true, ...binding });
  };
  if (options.keySource.kind !== 'ask-passphrase') await openUserStore(options.keySource);

  const status = (): StoreStatus => ({
    state: userStore ? 'open' : 'locked',
    keyProtection: protection,
    path: options.storePath,
    exists: userStore !== null || existsSync(options.storePath),
    ...(warning === undefined ? {} : { warning }),
    ...(userStore ? { schemaVersion: userStore.schemaVersion } : {}),
  });

  /** The store every operation works on: the demo's while it is open. */
  const activeStore = (): Store => {
    const store = demoStore ?? userStore;
    if (store) return store;
    throw new WardenError('STORE_LOCKED', 'The encrypted store is locked: enter its passphrase first.', {
      path: options.storePath,
    });
  };

  const assessments = assessmentCache(options.resourcesDir);
  const assessed = (snapshotId?: string) => assessments.get(activeStore(), snapshotId);
  /** Runs a change the assessment depends on, then forgets the cached one, whether the change went through or not. */
  const changing = async <T>(change: () => Promise<T>): Promise<T> => {
    try {
      return await change();
    } finally {
      assessments.clear();
    }
  };

  const closeDemo = async (): Promise<void> => {
    const closing = demoStore;
    demoStore = null;
    assessments.clear();
    await closing?.close();
    removeStoreFiles(demoStorePath);
  };

  const handlers: Handlers = {
    getAppInfo: () => ({
      name: 'Warden',
      version: options.version,
      platform: options.platform,
      isDemo: demoStore !== null,
      store: status(),
    }),
    unlockStore: async ({ passphrase }) => {
      if (!userStore) await openUserStore({ kind: 'passphrase', passphrase });
      return status();
    },
    getSettings: () => activeStore().settings.get(),
    updateSettings: (changes) => activeStore().settings.update(changes),
    listProfiles: () => activeStore().profiles.list(),
    saveProfile: (input) => activeStore().profiles.save(input),
    deleteProfile: async ({ id }) => ({ deleted: await activeStore().profiles.delete(id) }),
    testConnection: async ({ target, password, profileId, confirmPlainTextBind }, { signal, reportProgress }) => {
      const secret = await requestBindPassword(activeStore, { target, password, profileId });
      return testConnection({ ...target, confirmPlainTextBind }, secret, { signal, onProgress: reportProgress });
    },
    discoverDomainControllers: ({ domain }) => discoverDomainControllers(domain),
    getLatestSnapshot: async () => {
      const latest = await activeStore().snapshots.latestComplete();
      return latest === undefined ? null : summarize(latest);
    },
    scanProfile: async ({ profileId, password, confirmPlainTextBind, incremental }, { signal, reportProgress }) => {
      const store = activeStore();
      const profile = await existingProfile(store, profileId);
      const target = { ...profileTarget(profile), confirmPlainTextBind };
      const secret = await profileBindPassword(store, profile, target, password);
      return changing(() =>
        scanDirectory({ target, password: secret, store, profileId, signal, onProgress: reportProgress, incremental }),
      );
    },
    openDemo: async (_input, { signal, reportProgress }) => {
      activeStore(); // the user's store must be unlocked first: leaving the demo returns to it
      await closeDemo();
      const store = await openStore({
        path: demoStorePath,
        key: { kind: 'raw', key: generateDataKey() },
        create: true,
        ...binding,
      });
      try {
        const summary = await importLdif({
          path: join(options.resourcesDir, DEMO_LDIF_FILE),
          store,
          sourceKind: 'demo',
          signal,
          onProgress: reportProgress,
        });
        demoStore = store;
        assessments.clear();
        return summary;
      } catch (error) {
        await store.close();
        removeStoreFiles(demoStorePath);
        throw error;
      }
    },
    leaveDemo: async () => {
      await closeDemo();
      return { isDemo: false as const };
    },
    previewHrFile: (input) => previewHrFile(activeStore(), input),
    importHrFile: (input) => changing(() => importHrFile(activeStore(), input)),
    // Reconciling rewrites the HR outcomes the assessment reads (the fuzzy threshold or the date may have moved).
    getReconciliation: async ({ snapshotId, ...page }) =>
      reconciliationPage(
        await changing(() => reconcile(activeStore(), snapshotId === undefined ? {} : { snapshotId })),
        page,
      ),
    recordMatchDecision: ({ account, decision, employeeId, reason }) =>
      changing(() =>
        recordMatchDecision(activeStore(), {
          account,
          decision,
          reason,
          ...(employeeId === undefined ? {} : { employeeId }),
        }),
      ),
    getRiskOverview: async ({ snapshotId }) => {
      const assessment = await assessed(snapshotId);
      // The dashboard comes first: the Inventory's first page is made meanwhile.
      prepareInventory(assessment);
      return riskOverview(activeStore(), assessment);
    },
    listAssessedAccounts: async ({ snapshotId, ...page }) =>
      listAccounts(activeStore(), await assessed(snapshotId), page),
    getInventoryFacets: async ({ snapshotId }) => inventoryFacets(activeStore(), await assessed(snapshotId)),
    exportAccountsCsv: async (input) => exportAccounts(activeStore(), await assessed(input.snapshotId), input),
    listViews: () => listViews(activeStore()),
    saveView: (input) => saveView(activeStore(), input),
    deleteView: async ({ id }) => ({ deleted: await activeStore().views.delete(id) }),
    getAccountAssessment: async ({ objectGuid, snapshotId }) => {
      const assessment = await assessed(snapshotId);
      const account = assessedAccount(assessment, objectGuid);
      const metadata = await activeStore().accountMetadata.all();
      return accountDetail(activeStore(), assessment, account.objectGuid, metadata.get(account.objectGuid));
    },
    getPolicy: async () => {
      const [inForce, defaults] = await Promise.all([
        currentPolicy(activeStore(), options.resourcesDir),
        defaultPolicy(options.resourcesDir),
      ]);
      return { inForce, defaults };
    },
    savePolicy: ({ policy }) => changing(() => savePolicy(activeStore(), policy, localActor())),
    resetPolicy: () => changing(() => resetPolicy(activeStore(), options.resourcesDir, localActor())),
    setAccountMetadata: async (input) => {
      const store = activeStore();
      // The account must be in the snapshot: a fact about a mistyped objectGUID would apply to nothing.
      const account = assessedAccount(await assessed(), input.objectGuid);
      const metadata = await changing(() =>
        store.accountMetadata.record({
          objectGuid: account.objectGuid,
          change: metadataChange(input),
          reason: input.reason,
          actor: localActor(),
        }),
      );
      return accountDetail(store, await assessed(), account.objectGuid, metadata);
    },
    queryExactLastLogon: (input, context) => queryExactLastLogon(activeStore(), options.resourcesDir, input, context),
    ...killSwitchHandlers({ activeStore, resourcesDir: options.resourcesDir }),
  };

  const router = createRouter(handlers, options.emit);
  return {
    router,
    async close() {
      router.cancelAll();
      await closeDemo();
      await userStore?.close();
      userStore = null;
    },
  };
}
