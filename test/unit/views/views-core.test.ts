import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { Core } from '../../../src/api/core';
import { routerValue, startTestCore } from '../api/test-core';

let dir: string;
let core: Core;

function value<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  return routerValue(core.router, name, input);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warden-core-views-'));
  core = await startTestCore(dir);
  await value('openDemo', {});
});

afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Inventory operations on the demo domain', () => {
  it('filters by OU, by group (nesting included) and by privilege, and says so when a group is unknown', async () => {
    const facets = await value('getInventoryFacets', {});
    const admins = facets.groups.find((group) => group.name === 'Domain Admins');
    expect(admins).toMatchObject({ privileged: true });
    expect(facets.groups[0]?.privileged).toBe(true);
    const byName = await value('listAssessedAccounts', { group: 'domain admins', limit: 500 });
    const byDn = await value('listAssessedAccounts', { group: admins?.dn ?? '', limit: 500 });
    expect(byName.total).toBe(admins?.members);
    expect(byDn.rows.map((row) => row.objectGuid)).toEqual(byName.rows.map((row) => row.objectGuid));
    // svc-sqlreport is in Domain Admins through App-Admins and Tier0-Admins only.
    expect(byName.rows.map((row) => row.samAccountName)).toContain('svc-sqlreport');

    const service = facets.ous.find((ou) => ou.path === 'Corp/Service Accounts');
    const inService = await value('listAssessedAccounts', { ou: service?.dn ?? '', limit: 1 });
    expect(inService.total).toBe(service?.accounts);
    const corp = facets.ous.find((ou) => ou.path === 'Corp');
    expect((await value('listAssessedAccounts', { ou: corp?.dn ?? '', limit: 1 })).total).toBe(corp?.accounts);

    const privileged = await value('listAssessedAccounts', { privileged: true, limit: 500 });
    expect(privileged.rows.every((row) => row.privilegedGroups.length > 0)).toBe(true);
    const unprivileged = await value('listAssessedAccounts', { privileged: false, limit: 1 });
    expect(privileged.total + unprivileged.total).toBe(604);

    expect(await core.router.call('listAssessedAccounts', { group: 'No Such Group' })).toMatchObject({
      ok: false,
      error: { code: 'GROUP_NOT_FOUND', details: { group: 'No Such Group' } },
    });
  });

  it('sorts by the new fields and keeps a window of the same result consistent', async () => {
    const byGroups = await value('listAssessedAccounts', {
      sort: { field: 'groupCount', direction: 'desc' },
      limit: 50,
    });
    const counts = byGroups.rows.map((row) => row.groupCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const first = await value('listAssessedAccounts', { isNhi: true, offset: 0, limit: 100 });
    const second = await value('listAssessedAccounts', { isNhi: true, offset: 100, limit: 100 });
    const whole = await value('listAssessedAccounts', { isNhi: true, offset: 0, limit: 200 });
    expect([...first.rows, ...second.rows].map((row) => row.objectGuid)).toEqual(
      whole.rows.map((row) => row.objectGuid),
    );
  });

  it('saves, lists, replaces by name and deletes views', async () => {
    expect(await value('listViews', {})).toEqual([]);
    const saved = await value('saveView', {
      name: 'Dormant NHIs',
      criteria: { isNhi: true, usage: ['dormant'] },
      sort: { field: 'lastLogonDaysAgo', direction: 'desc' },
      columns: ['samAccountName', 'usage', 'owner'],
    });
    expect(saved).toMatchObject({ name: 'Dormant NHIs', criteria: { isNhi: true, usage: ['dormant'] } });
    const replaced = await value('saveView', {
      name: 'dormant nhis',
      criteria: { isNhi: true },
      sort: { field: 'score', direction: 'desc' },
      columns: ['samAccountName'],
    });
    expect(replaced.id).toBe(saved.id);
    expect(await value('listViews', {})).toEqual([replaced]);
    expect(
      await core.router.call('saveView', { name: ' ', criteria: {}, sort: saved.sort, columns: [] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await value('deleteView', { id: saved.id })).toEqual({ deleted: true });
    expect(await value('deleteView', { id: saved.id })).toEqual({ deleted: false });
    expect(await value('listViews', {})).toEqual([]);
  });

  it('exports the view as CSV bytes: every matching account, in order, with the columns asked', async () => {
    const listed = await value('listAssessedAccounts', { type: ['ai-agent'], limit: 500 });
    const file = await value('exportAccountsCsv', {
      type: ['ai-agent'],
      columns: ['samAccountName', 'type', 'risk', 'ou'],
      viewName: 'AI agents',
    });
    expect(file.fileName).toMatch(/^warden-ai-agents-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows).toBe(listed.total);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFFsAMAccountName,Type,Risk,Score,OU\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n').slice(1, -1);
    expect(lines.map((line) => line.split(',')[0])).toEqual(listed.rows.map((row) => row.samAccountName));
    expect(lines[0]).toMatch(/^[^,]+,ai-agent,(high|medium|low),\d+,"OU=/);
  });
});
