import { describe, expect, it } from 'vitest';
import { contract, operationNames, type ProgressEvent } from '../../../src/api/contract';
import { createRouter, type Handlers } from '../../../src/api/router';
import { WardenError } from '../../../src/errors';

const profile = {
  id: '6c0f2a4e-6a0b-4f43-9b1e-0d5d3c8f3a11',
  name: 'Corp',
  domain: 'corp.example.test',
  host: 'dc1.corp.example.test',
  transport: 'ldaps' as const,
  allowPlainLdap: false,
  bindName: 'svc-warden@corp.example.test',
  hasSavedPassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const report = {
  url: 'ldaps://dc1.corp.example.test:636',
  transport: 'ldaps' as const,
  certificateVerified: true,
  defaultNamingContext: 'DC=corp,DC=example,DC=test',
  dnsHostName: 'dc1.corp.example.test',
  domainFunctionality: 4,
  highestCommittedUSN: '4242',
  boundAs: 'svc-warden@corp.example.test',
  accountCount: 3,
  durationMs: 12,
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getAppInfo: () => ({
      name: 'Warden',
      version: '0.0.0',
      platform: 'linux',
      isDemo: false,
      store: { state: 'open', keyProtection: 'passphrase', path: '/tmp/x.db', exists: true },
    }),
    unlockStore: () => ({ state: 'open', keyProtection: 'passphrase', path: '/tmp/x.db', exists: true }),
    getSettings: () => ({ theme: 'system', fuzzyNameThreshold: 0.92 }),
    updateSettings: (changes) => ({ theme: changes.theme ?? 'system', fuzzyNameThreshold: 0.92 }),
    listProfiles: () => [profile],
    saveProfile: () => profile,
    deleteProfile: () => ({ deleted: true }),
    testConnection: () => report,
    discoverDomainControllers: () => [],
    getLatestSnapshot: () => null,
    scanProfile: () => ({ snapshotId: 's', accounts: 1, groups: 1, durationMs: 1, incremental: false }),
    openDemo: () => ({ snapshotId: 'demo', accounts: 604, groups: 60, durationMs: 1, incremental: false }),
    leaveDemo: () => ({ isDemo: false }),
    previewHrFile: () => Promise.reject(new Error('not called in these tests')),
    importHrFile: () => Promise.reject(new Error('not called in these tests')),
    getReconciliation: () => Promise.reject(new Error('not called in these tests')),
    recordMatchDecision: () => Promise.reject(new Error('not called in these tests')),
    getRiskOverview: () => Promise.reject(new Error('not called in these tests')),
    listAssessedAccounts: () => Promise.reject(new Error('not called in these tests')),
    getInventoryFacets: () => Promise.reject(new Error('not called in these tests')),
    exportAccountsCsv: () => Promise.reject(new Error('not called in these tests')),
    listViews: () => [],
    saveView: () => Promise.reject(new Error('not called in these tests')),
    deleteView: () => ({ deleted: false }),
    getAccountAssessment: () => Promise.reject(new Error('not called in these tests')),
    getPolicy: () => Promise.reject(new Error('not called in these tests')),
    savePolicy: () => Promise.reject(new Error('not called in these tests')),
    resetPolicy: () => Promise.reject(new Error('not called in these tests')),
    setAccountMetadata: () => Promise.reject(new Error('not called in these tests')),
    queryExactLastLogon: () => Promise.reject(new Error('not called in these tests')),
    planContainment: () => Promise.reject(new Error('not called in these tests')),
    containAccounts: () => Promise.reject(new Error('not called in these tests')),
    restoreAccounts: () => Promise.reject(new Error('not called in these tests')),
    listAuditLog: () => ({ entries: [], nextAfterSeq: null }),
    verifyAuditLog: () => ({ ok: true, entries: 0, message: 'The audit log is intact.' }),
    ...overrides,
  };
}

const taskId = '0b7f4c1e-2d53-4c55-8f0b-8d2a1c9e7b10';

describe('contract', () => {
  it('names every operation once, each with input and output schemas', () => {
    expect(new Set(operationNames).size).toBe(operationNames.length);
    expect(Object.keys(contract).sort()).toEqual([...operationNames].sort());
  });
});

describe('router', () => {
  it('validates input and returns the handler value in an ok envelope', async () => {
    const router = createRouter(handlers(), () => undefined);
    await expect(router.call('updateSettings', { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { theme: 'dark', fuzzyNameThreshold: 0.92 },
    });
  });

  it('rejects a bad payload with a clear error naming the field, without calling the handler', async () => {
    let called = false;
    const router = createRouter(
      handlers({
        saveProfile: () => {
          called = true;
          return profile;
        },
      }),
      () => undefined,
    );
    const reply = await router.call('saveProfile', { name: 'Corp', host: 'bad host name', bindName: 'x' });
    expect(called).toBe(false);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_INPUT');
    expect(reply.error.message).toContain('host: host must be a DNS name or IP address');
    expect(reply.error.details?.['issues']).toEqual(['host: host must be a DNS name or IP address']);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const router = createRouter(handlers(), () => undefined);
    const reply = await router.call('updateSettings', { theme: 'dark', evil: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses an operation that is not in the contract', async () => {
    const router = createRouter(handlers(), () => undefined);
    const reply = await router.call('__proto__', {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', message: 'No operation is named "__proto__".' },
    });
  });

  it('turns a malformed handler result into an INVALID_OUTPUT error', async () => {
    const router = createRouter(
      handlers({
        getSettings: () => ({ theme: 'purple' }) as unknown as { theme: 'dark'; fuzzyNameThreshold: number },
      }),
      () => undefined,
    );
    const reply = await router.call('getSettings', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });

  it('passes typed errors through with code and details, and hides other errors behind INTERNAL', async () => {
    const typed = createRouter(
      handlers({
        listProfiles: () => {
          throw new WardenError('STORE_LOCKED', 'locked', { path: '/tmp/x.db' });
        },
      }),
      () => undefined,
    );
    expect(await typed.call('listProfiles', {})).toEqual({
      ok: false,
      error: { code: 'STORE_LOCKED', message: 'locked', details: { path: '/tmp/x.db' } },
    });
    const untyped = createRouter(
      handlers({
        listProfiles: () => {
          throw new TypeError('boom');
        },
      }),
      () => undefined,
    );
    const reply = await untyped.call('listProfiles', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain('at ');
  });

  it('emits validated progress events tagged with the task id', async () => {
    const events: ProgressEvent[] = [];
    const router = createRouter(
      handlers({
        testConnection: (_input, { reportProgress }) => {
          reportProgress({ phase: 'counting', accountsCounted: 500 });
          return report;
        },
      }),
      (event) => events.push(event),
    );
    const reply = await router.call('testConnection', {
      taskId,
      target: { host: 'dc1.corp.example.test', bindName: 'a@b' },
      password: 'x',
    });
    expect(reply.ok).toBe(true);
    expect(events).toEqual([
      { taskId, operation: 'testConnection', progress: { phase: 'counting', accountsCounted: 500 } },
    ]);
  });

  it('cancels a running task through cancelTask and reports CANCELLED', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const router = createRouter(
      handlers({
        testConnection: (_input, { signal }) =>
          new Promise((_resolve, reject) => {
            started();
            signal.addEventListener('abort', () => reject(new Error('aborted')));
          }),
      }),
      () => undefined,
    );
    const call = router.call('testConnection', {
      taskId,
      target: { host: '127.0.0.1', bindName: 'a@b' },
      password: 'x',
    });
    await running;
    await expect(router.call('cancelTask', { taskId })).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await expect(router.call('cancelTask', { taskId })).resolves.toEqual({ ok: true, value: { cancelled: false } });
  });
});
