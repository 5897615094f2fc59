import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/api/core';
import { routerValue, startTestCore } from '../api/test-core';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-kill-switch-'));
  core = await startTestCore(dir);
});

afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const profileId = '6c0f2a4e-6a0b-4f43-9b1e-0d5d3c8f3a11';

describe('kill switch operations', () => {
  it('need a password given with the call, a reason and some accounts', async () => {
    const base = { profileId, reason: 'INC-42', steps: {}, objectGuids: ['6f1f3f4e-2c1a-4d7b-9a55-0d6b7f1c2e11'] };
    const noPassword = await core.router.call('containAccounts', base);
    expect(noPassword).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(noPassword)).toContain('password');
    const noReason = await core.router.call('planContainment', { ...base, password: 'x', reason: ' ' });
    expect(JSON.stringify(noReason)).toContain('reason is required');
    const noAccounts = await core.router.call('containAccounts', { ...base, password: 'x', objectGuids: undefined });
    expect(JSON.stringify(noAccounts)).toContain('give objectGuids or a filter');
    const noRestoreTarget = await core.router.call('restoreAccounts', { profileId, password: 'x' });
    expect(noRestoreTarget).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Well-formed, but the profile does not exist: refused before any bind.
    const unknown = await core.router.call('containAccounts', { ...base, password: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
  });

  it('list and verify the audit log', async () => {
    const policy = await routerValue(core.router, 'getPolicy', {});
    await routerValue(core.router, 'savePolicy', { policy: { ...policy.inForce.policy, breakGlass: ['bg-admin'] } });
    const page = await routerValue(core.router, 'listAuditLog', { action: 'policy' });
    expect(page.entries.map((entry) => entry.action)).toEqual(['policy.save']);
    expect(page.nextAfterSeq).toBeNull();
    expect(await routerValue(core.router, 'listAuditLog', { action: 'kill-switch' })).toEqual({
      entries: [],
      nextAfterSeq: null,
    });
    expect(await routerValue(core.router, 'verifyAuditLog', {})).toMatchObject({ ok: true, entries: 1 });
    const badSince = await core.router.call('listAuditLog', { since: 'soon' });
    expect(badSince).toMatchObject({ ok: false, error: { code: 'INVALID_SINCE' } });
  });
});
