import { inject } from 'vitest';
import type { ConnectionTarget } from '../../src/api/schemas';
import { BIND_ACCOUNTS } from './bind-accounts';
import type { SeedFacts } from './company/facts';
import { startDc, type StartDcOptions } from './dc-instance';
import { ADMIN_DN, ADMIN_PASSWORD, ADMIN_UPN, BASE_DN, DC_FQDN, NETBIOS_DOMAIN } from './domain';

export interface TestDc {
  /** Loopback address the DC listens on; its certificate names this address. */
  ip: string;
  host: string;
  ldapsUrl: string;
  ldapUrl: string;
  /** The test CA: pass it as the only extra trust anchor, with verification on. */
  caPem: string;
  /** DNS name in the DC certificate, for connecting by another name. */
  serverName: string;
  baseDn: string;
  netbiosDomain: string;
  adminDn: string;
  adminUpn: string;
  adminPassword: string;
  bindAccounts: typeof BIND_ACCOUNTS;
  facts: SeedFacts;
  /** The HR export matching the seed. */
  hrCsvPath: string;
  dir: string;
  startMs: number;
  stop(): Promise<void>;
}

export type TestDcOptions = Pick<StartDcOptions, 'smbOptions'>;

/**
 * A running copy of the seeded test domain for one test file:
 *   let dc: TestDc;
 *   beforeAll(async () => { dc = await startTestDc(); });
 *   afterAll(() => dc.stop());
 */
export async function startTestDc(options: TestDcOptions = {}): Promise<TestDc> {
  const template = inject('testDcTemplate');
  const dc = await startDc(template, { parentDir: inject('testDcRunDir'), ...options });
  return {
    ip: dc.ip,
    host: dc.ip,
    ldapsUrl: `ldaps://${dc.ip}:636`,
    ldapUrl: `ldap://${dc.ip}:389`,
    caPem: dc.caPem,
    serverName: DC_FQDN,
    baseDn: BASE_DN,
    netbiosDomain: NETBIOS_DOMAIN,
    adminDn: ADMIN_DN,
    adminUpn: ADMIN_UPN,
    adminPassword: ADMIN_PASSWORD,
    bindAccounts: BIND_ACCOUNTS,
    facts: template.facts,
    hrCsvPath: template.hrCsvPath,
    dir: dc.dir,
    startMs: dc.startMs,
    stop: () => dc.stop(),
  };
}

/** Connecting to a test DC as its administrator over LDAPS, verifying its certificate with the test CA. */
export function adminLdapsTarget(dc: TestDc): ConnectionTarget {
  return {
    host: dc.host,
    transport: 'ldaps',
    allowPlainLdap: false,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
    timeoutMs: 10_000,
  };
}

/** What the seed contains, for tests that read only the HR file or the facts and need no running DC. */
export function testDcFacts(): SeedFacts {
  return inject('testDcFacts');
}

export function testDcHrCsvPath(): string {
  return inject('testDcTemplate').hrCsvPath;
}

export { BIND_ACCOUNTS };
export type { SeedFacts };
