import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../src/api/contract';
import type { Core } from '../../src/api/core';
import { startTestDc, type TestDc } from '../dc/test-dc';
import { routerValue, startTestCore } from '../unit/api/test-core';

let dc: TestDc;
let dir: string;
let core: Core;

const value = <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> =>
  routerValue(core.router, name, input);

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-core-bind-password-'));
  core = await startTestCore(dir);
});

afterAll(async () => {
  await core?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a password saved in a profile', () => {
  it('is used by testConnection and scanProfile when the request carries none', async () => {
    const profile = await value('saveProfile', {
      name: 'Saved',
      host: dc.ip,
      caPem: dc.caPem,
      bindName: dc.adminUpn,
      savePassword: true,
      password: dc.adminPassword,
    });
    expect(profile.hasSavedPassword).toBe(true);
    expect(JSON.stringify(await value('listProfiles', {}))).not.toContain(dc.adminPassword);

    const target = { host: dc.ip, caPem: dc.caPem, bindName: dc.adminUpn };
    const report = await value('testConnection', { target, profileId: profile.id });
    expect(report).toMatchObject({ defaultNamingContext: dc.baseDn, certificateVerified: true });

    const summary = await value('scanProfile', { profileId: profile.id });
    expect(summary).toMatchObject({ accounts: dc.facts.counts.totalAccounts });
  });

  it('is never sent to a host other than its own, even for its profile id', async () => {
    const [profile] = await value('listProfiles', {});
    const reply = await core.router.call('testConnection', {
      target: { host: '127.0.0.1', port: 1, bindName: dc.adminUpn },
      profileId: profile?.id,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BIND_PASSWORD_MISSING' } });
    expect(reply.ok ? '' : reply.error.message).toContain(`only sent to ${dc.adminUpn} on ${dc.ip}`);
  });

  it('is asked for in plain words when neither the request nor the profile has it', async () => {
    const profile = await value('saveProfile', {
      name: 'Unsaved',
      host: dc.ip,
      caPem: dc.caPem,
      bindName: dc.adminUpn,
    });
    const scan = await core.router.call('scanProfile', { profileId: profile.id });
    expect(scan).toMatchObject({
      ok: false,
      error: {
        code: 'BIND_PASSWORD_MISSING',
        message: 'Enter the bind password for profile "Unsaved", or save it in the profile.',
        details: { profileId: profile.id, profile: 'Unsaved' },
      },
    });
    const test = await core.router.call('testConnection', { target: { host: dc.ip, bindName: dc.adminUpn } });
    expect(test).toMatchObject({ ok: false, error: { code: 'BIND_PASSWORD_MISSING' } });
  });
});

describe('a password bind over plain LDAP', () => {
  const plainTarget = () => ({ host: dc.ip, transport: 'ldap' as const, allowPlainLdap: true, bindName: dc.adminUpn });

  it('is refused without confirmPlainTextBind, before anything is sent', async () => {
    const reply = await core.router.call('testConnection', { target: plainTarget(), password: dc.adminPassword });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'PLAIN_LDAP_NOT_CONFIRMED', details: { host: dc.ip, port: 389, transport: 'ldap' } },
    });
    expect(reply.ok ? '' : reply.error.message).toContain('clear text');

    const profile = await value('saveProfile', {
      name: 'Plain',
      ...plainTarget(),
      savePassword: true,
      password: dc.adminPassword,
    });
    // A profile that allows plain LDAP and holds the password still needs the confirmation each time.
    const scan = await core.router.call('scanProfile', { profileId: profile.id });
    expect(scan).toMatchObject({ ok: false, error: { code: 'PLAIN_LDAP_NOT_CONFIRMED' } });
    const test = await core.router.call('testConnection', { target: plainTarget(), profileId: profile.id });
    expect(test).toMatchObject({ ok: false, error: { code: 'PLAIN_LDAP_NOT_CONFIRMED' } });
  });

  it('binds when the request confirms it', async () => {
    const report = await value('testConnection', {
      target: plainTarget(),
      password: dc.adminPassword,
      confirmPlainTextBind: true,
    });
    expect(report).toMatchObject({ transport: 'ldap', certificateVerified: false, defaultNamingContext: dc.baseDn });
  });

  it('cannot be confirmed inside the target instead of the request', async () => {
    const reply = await core.router.call('testConnection', {
      target: { ...plainTarget(), confirmPlainTextBind: true } as ReturnType<typeof plainTarget>,
      password: dc.adminPassword,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
