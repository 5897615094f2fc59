import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput, ProgressEvent } from '../../../src/api/contract';
import type { Core } from '../../../src/api/core';
import { routerValue, startTestCore } from './test-core';

let dir: string;
let core: Core;
const events: ProgressEvent[] = [];

function value<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  return routerValue(core.router, name, input);
}

/** The objectGUID of a demo account, found by name through the contract itself. */
async function demoAccount(samAccountName: string) {
  const page = await value('listAssessedAccounts', { filter: `samaccountname=${samAccountName}` });
  const row = page.rows[0];
  if (row === undefined) throw new Error(`no account ${samAccountName} in the demo`);
  return row;
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A loopback port nothing listens on: a DC that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listening(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A DC profile on loopback. A DOMAIN\user bind name tells no DNS domain, so
 * the profile's own host is the one DC asked and no DNS server is queried.
 */
function loopbackProfile(
  port: number,
  changes: Partial<OperationInput<'saveProfile'>> = {},
): OperationInput<'saveProfile'> {
  return { name: 'Loopback DC', host: '127.0.0.1', port, bindName: 'CORP\\svc-warden', ...changes };
}

const MISSING_PROFILE = '00000000-0000-4000-8000-000000000000';
const SOME_GUID = '0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0';

beforeEach(async () => {
  events.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'warden-core-last-logon-'));
  core = await startTestCore(dir, { emit: (event) => events.push(event) });
  await value('openDemo', {});
});

afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('queryExactLastLogon input', () => {
  it.each([
    ['no account', { profileId: MISSING_PROFILE, objectGuids: [] }, 'objectGuids: name at least one account'],
    [
      'more than 200 accounts',
      { profileId: MISSING_PROFILE, objectGuids: Array.from({ length: 201 }, () => SOME_GUID) },
      'objectGuids: at most 200 accounts at a time',
    ],
    [
      'a name instead of an objectGUID',
      { profileId: MISSING_PROFILE, objectGuids: ['svc-backup'] },
      'objectGuids.0: each objectGuid must be an objectGUID',
    ],
    ['a profile id that is no UUID', { profileId: 'corp', objectGuids: [SOME_GUID] }, 'profileId'],
    ['an empty password', { profileId: MISSING_PROFILE, objectGuids: [SOME_GUID], password: '' }, 'password'],
    ['an unknown field', { profileId: MISSING_PROFILE, objectGuids: [SOME_GUID], dc: 'dc2' }, 'dc'],
  ])('refuses %s', async (_case, input, issue) => {
    const reply = await core.router.call('queryExactLastLogon', input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(reply.ok ? '' : reply.error.message).toContain(issue);
  });
});

describe('queryExactLastLogon before any DC is asked', () => {
  it('says when the profile does not exist', async () => {
    const reply = await core.router.call('queryExactLastLogon', {
      profileId: MISSING_PROFILE,
      objectGuids: [SOME_GUID],
      password: 'secret',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND', details: { profileId: MISSING_PROFILE } },
    });
  });

  it('asks for the password when the profile keeps none', async () => {
    const profile = await value('saveProfile', loopbackProfile(await closedPort()));
    const { objectGuid } = await demoAccount('svc-print');
    const reply = await core.router.call('queryExactLastLogon', { profileId: profile.id, objectGuids: [objectGuid] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BIND_PASSWORD_MISSING' } });
    expect(reply.ok ? '' : reply.error.message).toContain('Loopback DC');
  });

  it('names an account the snapshot does not hold', async () => {
    const profile = await value('saveProfile', loopbackProfile(await closedPort()));
    const reply = await core.router.call('queryExactLastLogon', {
      profileId: profile.id,
      objectGuids: [SOME_GUID],
      password: 'secret',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
    expect(reply.ok ? '' : reply.error.message).toContain(SOME_GUID);
  });

  it('needs the clear-text confirmation of a plain LDAP profile each time', async () => {
    const profile = await value(
      'saveProfile',
      loopbackProfile(await closedPort(), { transport: 'ldap', allowPlainLdap: true }),
    );
    const { objectGuid } = await demoAccount('svc-print');
    const reply = await core.router.call('queryExactLastLogon', {
      profileId: profile.id,
      objectGuids: [objectGuid],
      password: 'secret',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PLAIN_LDAP_NOT_CONFIRMED' } });
  });
});

describe('queryExactLastLogon against DCs that give no answer', () => {
  it('reports the DC it could not reach in plain words, and keeps the snapshot’s verdict', async () => {
    const port = await closedPort();
    const profile = await value('saveProfile', loopbackProfile(port));
    const account = await demoAccount('svc-print');
    const taskId = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

    const report = await value('queryExactLastLogon', {
      taskId,
      profileId: profile.id,
      objectGuids: [account.objectGuid.toUpperCase()],
      password: 'secret',
    });

    const snapshot = await value('getLatestSnapshot', {});
    expect(report).toMatchObject({
      snapshotId: snapshot?.id,
      dcsAsked: 1,
      dcsAnswered: 0,
      dcSource: 'target',
      domainControllers: [{ host: '127.0.0.1', port, answered: false, errorCode: 'UNREACHABLE' }],
    });
    expect(report.discoveryError).toContain('domain');
    const [result] = report.accounts;
    expect(result).toMatchObject({
      objectGuid: account.objectGuid,
      samAccountName: 'svc-print',
      lastLogon: null,
      exact: false,
      verdictChanged: false,
    });
    expect(result?.perDc).toEqual([expect.objectContaining({ host: '127.0.0.1', port, errorCode: 'UNREACHABLE' })]);
    expect(result?.perDc[0]?.error).toContain(`127.0.0.1:${port}`);
    expect(result?.snapshotVerdict.usage).toBe(account.usage);
    expect(result?.verdict.usage).toBe(account.usage);

    expect(events.filter((event) => event.taskId === taskId)).toEqual([
      { taskId, operation: 'queryExactLastLogon', progress: { host: '127.0.0.1', dcIndex: 0, dcCount: 1 } },
    ]);
  });

  it('stops when cancelled, while a DC keeps it waiting', async () => {
    // Accepts the connection and never says a word: the TLS handshake waits until the timeout.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listening(silent);
    try {
      const profile = await value('saveProfile', loopbackProfile(port));
      const { objectGuid } = await demoAccount('svc-print');
      const taskId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      const pending = core.router.call('queryExactLastLogon', {
        taskId,
        profileId: profile.id,
        objectGuids: [objectGuid],
        password: 'secret',
      });
      await expect.poll(() => events.some((event) => event.taskId === taskId)).toBe(true);
      expect(await value('cancelTask', { taskId })).toEqual({ cancelled: true });
      expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
