import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput, ProgressEvent } from '../../src/api/contract';
import type { Core } from '../../src/api/core';
import { startTestDc, type TestDc } from '../dc/test-dc';
import { routerValue, startTestCore } from '../unit/api/test-core';

let dc: TestDc;
let dir: string;
let core: Core;
const events: ProgressEvent[] = [];

const value = <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> =>
  routerValue(core.router, name, input);

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-core-scan-'));
  core = await startTestCore(dir, { emit: (event) => events.push(event) });
});

afterAll(async () => {
  await core?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scanning a saved profile through the contract', () => {
  it('scans the domain with progress, and the dashboard sees the new snapshot', async () => {
    const profile = await value('saveProfile', {
      name: 'Corp test domain',
      host: dc.ip,
      caPem: dc.caPem,
      bindName: dc.adminUpn,
    });
    const taskId = '3f2b8c1d-6e4a-4b7f-9a0c-5d1e2f3a4b5c';
    const summary = await value('scanProfile', { taskId, profileId: profile.id, password: dc.adminPassword });
    expect(summary).toMatchObject({ accounts: dc.facts.counts.totalAccounts, incremental: false });

    const phases = events
      .filter((event) => event.taskId === taskId)
      .map((event) => (event.progress as { phase: string }).phase);
    expect(phases).toContain('accounts');
    expect(phases).toContain('memberships');

    expect(await value('getLatestSnapshot', {})).toMatchObject({
      id: summary.snapshotId,
      sourceKind: 'ldap',
      baseDn: dc.baseDn,
      accountCount: dc.facts.counts.totalAccounts,
      groupCount: summary.groups,
      profileId: profile.id,
      kind: 'full',
    });

    // Scanning the changes starts from that snapshot and gives one of the same size.
    const changes = await value('scanProfile', {
      profileId: profile.id,
      password: dc.adminPassword,
      incremental: true,
    });
    expect(changes).toMatchObject({
      incremental: true,
      baseSnapshotId: summary.snapshotId,
      accounts: summary.accounts,
      changes: { deletionCheck: 'tombstones' },
    });
    expect(await value('getLatestSnapshot', {})).toMatchObject({ id: changes.snapshotId, kind: 'incremental' });
  });

  it('reports a wrong password in plain words and keeps the last snapshot', async () => {
    const before = await value('getLatestSnapshot', {});
    const [profile] = await value('listProfiles', {});
    const reply = await core.router.call('scanProfile', { profileId: profile?.id, password: 'not the password' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await value('getLatestSnapshot', {})).toEqual(before);
  });

  it('says when the profile is gone', async () => {
    const reply = await core.router.call('scanProfile', {
      profileId: '00000000-0000-4000-8000-000000000000',
      password: 'x',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
  });
});
