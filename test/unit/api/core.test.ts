import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/api/contract';
import type { Core, KeySource } from '../../../src/api/core';
import { generateDataKey } from '../../../src/store';
import { routerValue, startTestCore } from './test-core';

let dir: string;
let core: Core | undefined;
let events: ProgressEvent[];

async function start(keySource: KeySource = { kind: 'raw', key: generateDataKey() }): Promise<Core> {
  const started = await startTestCore(dir, { keySource, emit: (event) => events.push(event) });
  core = started;
  return started;
}

const value = routerValue;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-'));
  events = [];
});

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('core', () => {
  it('keeps the store locked until a passphrase is given, then opens it', async () => {
    const { router } = await start({ kind: 'ask-passphrase', warning: 'no keystore' });
    const info = await value(router, 'getAppInfo', {});
    expect(info).toMatchObject({ store: { state: 'locked', exists: false, warning: 'no keystore' } });
    expect(await router.call('listProfiles', {})).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });
    expect(await router.call('openDemo', {})).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });

    await value(router, 'unlockStore', { passphrase: 'correct horse battery staple' });
    expect(await value(router, 'getAppInfo', {})).toMatchObject({ store: { state: 'open', exists: true } });
    expect(await value(router, 'listProfiles', {})).toEqual([]);
  });

  it('opens the demo in a store of its own, with progress, and leaves the user store untouched', async () => {
    const { router } = await start();
    await value(router, 'saveProfile', { name: 'Mine', host: 'dc1.corp.example.com', bindName: 'a@b' });
    expect(await value(router, 'getLatestSnapshot', {})).toBeNull();

    const taskId = '9a3e1c52-8f0e-4a7b-9c1d-2e4f6a8b0c13';
    const summary = await value(router, 'openDemo', { taskId });
    expect(summary).toMatchObject({ accounts: 604, groups: 60, incremental: false });
    expect(events.some((event) => event.taskId === taskId && event.operation === 'openDemo')).toBe(true);
    expect(await value(router, 'getAppInfo', {})).toMatchObject({ isDemo: true });
    expect(await value(router, 'getLatestSnapshot', {})).toMatchObject({
      id: summary.snapshotId,
      sourceKind: 'demo',
      accountCount: 604,
      groupCount: 60,
    });
    // The demo's store holds no profile of the user's.
    expect(await value(router, 'listProfiles', {})).toEqual([]);
    expect(existsSync(join(dir, 'warden.db.demo'))).toBe(true);

    expect(await value(router, 'leaveDemo', {})).toEqual({ isDemo: false });
    expect(existsSync(join(dir, 'warden.db.demo'))).toBe(false);
    expect(await value(router, 'getAppInfo', {})).toMatchObject({ isDemo: false });
    expect(await value(router, 'getLatestSnapshot', {})).toBeNull();
    expect((await value(router, 'listProfiles', {})).map((profile) => profile.name)).toEqual(['Mine']);
  });

  it('reports a demo that cannot be read in plain words and stays on the user store', async () => {
    const started = await startTestCore(dir, { resourcesDir: join(dir, 'no-resources-here') });
    core = started;
    const reply = await started.router.call('openDemo', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'LDIF_NOT_FOUND' } });
    expect(await value(started.router, 'getAppInfo', {})).toMatchObject({ isDemo: false });
    expect(existsSync(join(dir, 'warden.db.demo'))).toBe(false);
  });
});
