import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Core } from '../../../src/api/core';
import { generateDataKey, openStore } from '../../../src/store';
import { account, person } from '../hr/people';
import { importPeople, writeSnapshot } from '../hr/store-fixtures';
import { routerValue, startTestCore } from './test-core';

let dir: string;
let core: Core | undefined;

const accounts = [
  account({ samAccountName: 'ann', employeeId: 'E1' }),
  account({ samAccountName: 'ben', employeeId: 'E2' }),
  account({ samAccountName: 'cat', displayName: 'Cat Stone' }),
  account({ samAccountName: 'svc-1' }),
  account({ samAccountName: 'svc-2' }),
];

async function start(): Promise<Core> {
  const key = generateDataKey();
  const storePath = join(dir, 'warden.db');
  const store = await openStore({ path: storePath, key: { kind: 'raw', key }, create: true });
  try {
    await writeSnapshot(store, accounts);
    await importPeople(store, [
      person({ employeeId: 'E1' }),
      person({ employeeId: 'E2', status: 'terminated' }),
      person({ employeeId: 'E3', firstName: 'Cat', lastName: 'Stone' }),
    ]);
  } finally {
    await store.close();
  }
  core = await startTestCore(dir, { keySource: { kind: 'raw', key }, resourcesDir: dir });
  return core;
}

/** A typed call through the router, as the renderer makes it; a failed reply fails the test with its error. */
async function value<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  return routerValue((core ?? (await start())).router, name, input);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-reconcile-'));
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('reconciliation operations', () => {
  it('getReconciliation answers the figures, the history and one page of accounts, filtered by outcome', async () => {
    const all = await value('getReconciliation', { limit: 2 });
    expect(all.accounts.total).toBe(5);
    expect(all.accounts.items).toHaveLength(2);
    expect(all.figures).toMatchObject({ enabledAccounts: 5, activeEmployees: 2, imbalance: 3 });
    expect(all.history).toHaveLength(1);
    const none = await value('getReconciliation', { outcome: 'none', offset: 1 });
    expect(none.accounts).toMatchObject({ total: 2, offset: 1 });
    expect(none.accounts.items.map((a) => a.samAccountName)).toEqual(['svc-2']);
  });

  it('recordMatchDecision records a confirmation the next reconciliation applies, and refuses one without a reason', async () => {
    const { router } = await start();
    const refused = await router.call('recordMatchDecision', {
      account: 'cat',
      decision: 'confirm',
      employeeId: 'E3',
      reason: ' ',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const recorded = await router.call('recordMatchDecision', {
      account: 'cat',
      decision: 'confirm',
      employeeId: 'E3',
      reason: 'badge photo matches',
    });
    expect(recorded).toMatchObject({
      ok: true,
      value: { samAccountName: 'cat', decision: { kind: 'confirm', employeeId: 'E3' } },
    });
    const after = await value('getReconciliation', { outcome: 'matched' });
    expect(after.accounts.items.map((a) => [a.samAccountName, a.rule])).toEqual(
      expect.arrayContaining([['cat', 'decision']]),
    );
    const unknown = await router.call('recordMatchDecision', { account: 'nobody', decision: 'nhi', reason: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
  });
});
