import { createServer } from 'node:net';
import { BerWriter } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTarget } from '../../../src/api/schemas';
import {
  domainOfTarget,
  encodeGuid,
  isDirectoryError,
  readLastLogon,
  resolveDomainControllers,
} from '../../../src/directory';
import { accountSearch } from '../../../src/directory/last-logon';
import { startDnsSrvServer, type DnsSrvServer } from './dns-srv-server';

/** A loopback port nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const target: ConnectionTarget = {
  host: '10.0.0.5',
  transport: 'ldaps',
  allowPlainLdap: false,
  serverName: 'dc1.corp.example.test',
  bindName: 'svc-warden@corp.example.test',
  timeoutMs: 2_000,
};

// Bytes from 0x80 up in several places: the ones a text filter would mangle.
const GUID = 'd4c3b2a1-f6e5-1807-293a-4b5c6d7e8f90';

let dns: DnsSrvServer;

beforeAll(async () => {
  dns = await startDnsSrvServer({
    '_ldap._tcp.dc._msdcs.corp.example.test': [
      { priority: 0, weight: 100, port: 389, target: 'dc1.corp.example.test' },
      { priority: 0, weight: 50, port: 389, target: 'dc2.corp.example.test' },
    ],
  });
});

afterAll(() => dns.close());

describe('the domain a target belongs to', () => {
  it('comes from the DC= parts of the base DN, even below an OU', () => {
    expect(domainOfTarget({ baseDn: 'OU=Staff,DC=Corp,DC=example,DC=test', bindName: 'CORP\\svc' })).toBe(
      'corp.example.test',
    );
  });

  it('else from the suffix of a user@domain bind name, or the DC= parts of a DN bind name', () => {
    expect(domainOfTarget({ bindName: 'svc-warden@Corp.Example.Test' })).toBe('corp.example.test');
    expect(domainOfTarget({ bindName: 'CN=svc,OU=IT,DC=corp,DC=example,DC=test' })).toBe('corp.example.test');
  });

  it('is unknown from a DOMAIN\\user bind name alone', () => {
    expect(domainOfTarget({ bindName: 'CORP\\svc-warden' })).toBeUndefined();
  });
});

describe('the search for one account', () => {
  it('sends the objectGUID as its 16 raw bytes, escaped byte by byte in the readable form', () => {
    const search = accountSearch({ objectGuid: GUID }, 'DC=corp,DC=example,DC=test');
    const bytes = encodeGuid(GUID);
    const writer = new BerWriter();
    search.filter.write(writer);
    // Tag, length, "objectGUID", then the value as a 16-byte octet string.
    expect(writer.buffer.subarray(-18)).toEqual(Buffer.concat([Buffer.from([0x04, 0x10]), bytes]));
    expect(search).toMatchObject({ base: 'DC=corp,DC=example,DC=test', scope: 'sub' });
    expect(search.text).toBe(`(objectGUID=${[...bytes].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('')})`);
  });

  it('reads an account named by DN as the base object', () => {
    const dn = 'CN=svc-app (prod),OU=Service,DC=corp,DC=example,DC=test';
    expect(accountSearch({ dn }, 'DC=corp,DC=example,DC=test')).toMatchObject({
      base: dn,
      scope: 'base',
      text: '(objectClass=*)',
    });
  });
});

describe('which domain controllers are asked', () => {
  it('takes the given ones; the target’s port and certificate name go only with its own host', async () => {
    const resolved = await resolveDomainControllers({
      target: { ...target, port: 6360 },
      domainControllers: [{ host: '10.0.0.5' }, { host: 'dc2.corp.example.test' }, { host: '10.0.0.5', port: 6360 }],
    });
    expect(resolved).toEqual({
      source: 'given',
      dcs: [
        { host: '10.0.0.5', port: 6360, serverName: 'dc1.corp.example.test' },
        { host: 'dc2.corp.example.test', port: 636 },
      ],
    });
  });

  it('finds them in DNS by default, on the LDAPS port for LDAPS and the advertised one for StartTLS', async () => {
    const ldaps = await resolveDomainControllers({ target, dnsServers: [dns.address] });
    expect(ldaps).toEqual({
      source: 'dns',
      dcs: [
        { host: 'dc1.corp.example.test', port: 636 },
        { host: 'dc2.corp.example.test', port: 636 },
      ],
    });
    const starttls = await resolveDomainControllers({
      target: { ...target, transport: 'starttls' },
      dnsServers: [dns.address],
    });
    expect(starttls.dcs.map((dc) => dc.port)).toEqual([389, 389]);
  });

  it('falls back to the target’s own host, saying why, when DNS knows no DC of the domain', async () => {
    const resolved = await resolveDomainControllers({
      target,
      domain: 'other.example.test',
      dnsServers: [dns.address],
    });
    expect(resolved.source).toBe('target');
    expect(resolved.dcs).toEqual([{ host: '10.0.0.5', port: 636, serverName: 'dc1.corp.example.test' }]);
    expect(resolved.discoveryError).toContain('_ldap._tcp.dc._msdcs.other.example.test');
  });

  it('falls back to the target’s own host when the domain cannot be told from the target', async () => {
    const resolved = await resolveDomainControllers({ target: { ...target, bindName: 'CORP\\svc-warden' } });
    expect(resolved.source).toBe('target');
    expect(resolved.discoveryError).toContain('domain');
  });
});

describe('reading lastLogon when no DC answers', () => {
  it('reports each unreachable DC with the reason, for the DC and for every account, without throwing', async () => {
    const [first, second] = [await closedPort(), await closedPort()];
    const report = await readLastLogon({
      target: { ...target, host: '127.0.0.1' },
      password: 'secret',
      accounts: [{ objectGuid: GUID.toUpperCase() }, { dn: 'CN=svc-app,OU=Service,DC=corp,DC=example,DC=test' }],
      domainControllers: [
        { host: '127.0.0.1', port: first },
        { host: '127.0.0.1', port: second },
      ],
    });
    expect(report).toMatchObject({ dcsAsked: 2, dcsAnswered: 0, dcSource: 'given' });
    expect(report.domainControllers).toEqual([
      expect.objectContaining({ host: '127.0.0.1', port: first, answered: false, errorCode: 'UNREACHABLE' }),
      expect.objectContaining({ host: '127.0.0.1', port: second, answered: false, errorCode: 'UNREACHABLE' }),
    ]);
    expect(report.domainControllers[0]?.error).toContain(`Cannot reach 127.0.0.1:${first}`);
    const [byGuid, byDn] = report.accounts;
    expect(byGuid).toMatchObject({
      objectGuid: GUID,
      dn: null,
      samAccountName: null,
      lastLogon: null,
      lastLogonHost: null,
      lastLogonTimestamp: null,
      dcsAnswered: 0,
    });
    expect(byGuid?.perDc.map((dc) => [dc.port, dc.lastLogon, dc.errorCode])).toEqual([
      [first, null, 'UNREACHABLE'],
      [second, null, 'UNREACHABLE'],
    ]);
    expect(byDn).toMatchObject({ objectGuid: null, dn: 'CN=svc-app,OU=Service,DC=corp,DC=example,DC=test' });
  });

  it('refuses a mistyped GUID before binding anywhere', async () => {
    const error = await readLastLogon({
      target,
      password: 'secret',
      accounts: [{ objectGuid: 'not-a-guid' }],
      domainControllers: [{ host: '127.0.0.1', port: await closedPort() }],
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_ATTRIBUTE_VALUE' });
    expect((error as Error).message).toContain('not-a-guid');
  });

  it('throws, rather than blaming each DC, when no DC could accept the request (an empty password)', async () => {
    const error = await readLastLogon({
      target,
      password: '',
      accounts: [{ objectGuid: GUID }],
      domainControllers: [{ host: '127.0.0.1', port: await closedPort() }],
    }).catch((caught: unknown) => caught);
    expect(isDirectoryError(error, 'EMPTY_PASSWORD')).toBe(true);
  });

  it('asks no DC when there is no account to read', async () => {
    const report = await readLastLogon({ target, password: 'secret', accounts: [] });
    expect(report).toMatchObject({ accounts: [], domainControllers: [], dcsAsked: 0, dcsAnswered: 0 });
  });
});
