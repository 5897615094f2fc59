import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcLocatorName, discoverDomainControllers, isDirectoryError } from '../../../src/directory';
import { runCli } from '../cli/cli-harness';
import { startDnsSrvServer, type DnsSrvServer } from './dns-srv-server';

let dns: DnsSrvServer;

beforeAll(async () => {
  dns = await startDnsSrvServer({
    '_ldap._tcp.dc._msdcs.corp.example.test': [
      { priority: 10, weight: 100, port: 389, target: 'dc3.corp.example.test' },
      { priority: 0, weight: 50, port: 389, target: 'dc2.corp.example.test' },
      { priority: 0, weight: 100, port: 389, target: 'dc1.corp.example.test' },
    ],
  });
});

afterAll(() => dns.close());

describe('domain controller discovery (DNS SRV)', () => {
  it('asks for the DC locator record of the domain', () => {
    expect(dcLocatorName('Corp.Example.Test.')).toBe('_ldap._tcp.dc._msdcs.corp.example.test');
  });

  it('lists the advertised DCs, lowest priority first, then highest weight', async () => {
    const found = await discoverDomainControllers('CORP.example.test', { servers: [dns.address] });
    expect(found).toEqual([
      { host: 'dc1.corp.example.test', port: 389, priority: 0, weight: 100 },
      { host: 'dc2.corp.example.test', port: 389, priority: 0, weight: 50 },
      { host: 'dc3.corp.example.test', port: 389, priority: 10, weight: 100 },
    ]);
  });

  it('says plainly when a domain advertises no DC', async () => {
    const error = await discoverDomainControllers('other.example.test', { servers: [dns.address] }).catch(
      (caught: unknown) => caught,
    );
    expect(isDirectoryError(error, 'DC_NOT_FOUND')).toBe(true);
    expect((error as Error).message).toContain('_ldap._tcp.dc._msdcs.other.example.test');
  });

  it('says plainly when no DNS server answers', async () => {
    // A UDP port on loopback with nothing behind it: the query is refused.
    const error = await discoverDomainControllers('corp.example.test', {
      servers: ['127.0.0.1:9'],
      timeoutMs: 200,
    }).catch((caught: unknown) => caught);
    expect(isDirectoryError(error, 'DNS_FAILED')).toBe(true);
    expect((error as Error).message).toContain('no DNS server answered');
  });
});

describe('warden discover', () => {
  it('prints the advertised DCs as JSON', async () => {
    const result = await runCli(['discover', '--domain', 'corp.example.test', '--dns-server', dns.address, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((dc: { host: string }) => dc.host)).toEqual([
      'dc1.corp.example.test',
      'dc2.corp.example.test',
      'dc3.corp.example.test',
    ]);
  });

  it('exits 1 with the reason when none is advertised, and 2 without --domain', async () => {
    const none = await runCli(['discover', '--domain', 'other.example.test', '--dns-server', dns.address]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('[DC_NOT_FOUND]');
    expect((await runCli(['discover'])).code).toBe(2);
  });
});
