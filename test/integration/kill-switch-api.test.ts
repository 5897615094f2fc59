import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/api/contract';
import type { Core } from '../../src/api/core';
import { routerValue, startTestCore } from '../unit/api/test-core';
import { startTestDc, type TestDc } from '../dc/test-dc';

let dc: TestDc;
let dir: string;
let core: Core;
let profileId: string;
const events: ProgressEvent[] = [];
/** Set by a test to cancel its task from its first progress event, as a window's Cancel button would. */
let cancelOnFirstEvent: string | undefined;

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-kill-switch-api-'));
  core = await startTestCore(dir, {
    emit: (event) => {
      events.push(event);
      if (event.taskId === cancelOnFirstEvent) void core.router.call('cancelTask', { taskId: event.taskId });
    },
  });
  const profile = await routerValue(core.router, 'saveProfile', {
    name: 'Test DC',
    host: dc.host,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
    // Saved, to show it is not what the kill switch binds with.
    savePassword: true,
    password: dc.adminPassword,
  });
  profileId = profile.id;
  await routerValue(core.router, 'scanProfile', { profileId });
}, 300_000);

afterAll(async () => {
  await core?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HELPDESK_FILTER = 'dn~OU=Helpdesk-Managed and enabled=true';

describe('kill switch through the contract', () => {
  it('plans, contains with progress and cancel between accounts, and restores', async () => {
    const bind = { profileId, password: dc.adminPassword };
    const plan = await routerValue(core.router, 'planContainment', {
      ...bind,
      reason: 'INC-7 token leak',
      steps: { stamp: true },
      filter: HELPDESK_FILTER,
    });
    expect(plan.confirmCount).toBeGreaterThan(3);
    expect(plan.counts.willChange).toBe(plan.confirmCount);

    const taskId = randomUUID();
    cancelOnFirstEvent = taskId;
    const report = await routerValue(core.router, 'containAccounts', {
      ...bind,
      taskId,
      reason: 'INC-7 token leak',
      steps: { stamp: true },
      filter: HELPDESK_FILTER,
      confirmCount: plan.confirmCount,
    });
    expect(report.cancelled).toBe(true);
    expect(report.counts).toEqual({ done: 1, refused: 0, denied: 0, failed: plan.confirmCount - 1 });
    expect(report.results[1]).toMatchObject({ result: 'failed', auditSeq: null, steps: [] });
    expect(report.results[1]?.message).toMatch(/Cancelled before this account was reached/);
    const progress = events.filter((event) => event.taskId === taskId);
    expect(progress[0]).toMatchObject({ operation: 'containAccounts', progress: { done: 1, result: 'done' } });

    const contained = report.results[0];
    expect(contained?.after).toMatchObject({ enabled: false });
    expect(contained?.after?.description).toMatch(
      /^Contained by .* as Administrator@corp.example.test on .*: INC-7 token leak$/,
    );

    const restored = await routerValue(core.router, 'restoreAccounts', {
      ...bind,
      objectGuids: [contained?.objectGuid ?? ''],
    });
    expect(restored.results[0]).toMatchObject({ result: 'done', after: { enabled: true } });
    expect(restored.results[0]?.after?.description).toBe(contained?.before?.description);

    const audit = await routerValue(core.router, 'listAuditLog', { target: contained?.objectGuid ?? '' });
    expect(audit.entries.map((entry) => [entry.action, entry.result])).toEqual([
      ['kill-switch.contain', 'done'],
      ['kill-switch.restore', 'done'],
    ]);
    expect(await routerValue(core.router, 'verifyAuditLog', {})).toMatchObject({ ok: true });
  });

  it('never binds with the password saved in the profile', async () => {
    // The profile holds the right password; the call's wrong one is what the bind gets.
    const plan = await core.router.call('planContainment', {
      profileId,
      password: 'not the password',
      reason: 'INC-7',
      steps: {},
      filter: HELPDESK_FILTER,
    });
    expect(plan).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });
});
