import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FILTER,
  close,
  connect,
  countAccounts,
  DirectoryError,
  escapeFilter,
  firstString,
  readRootDse,
  searchPaged,
  testConnection,
  type ConnectOptions,
  type DirectoryConnection,
  type DirectoryEntry,
} from '../../src/directory';
import { startTestDc, type TestDc } from '../dc/test-dc';
import { createCertificateAuthority } from '../dc/tls';

const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';

let dc: TestDc;

beforeAll(async () => {
  dc = await startTestDc();
});

afterAll(async () => {
  await dc?.stop();
});

function ldapsOptions(overrides: Partial<ConnectOptions> = {}): ConnectOptions {
  return {
    host: dc.host,
    transport: 'ldaps',
    allowPlainLdap: false,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
    password: dc.adminPassword,
    timeoutMs: 10_000,
    ...overrides,
  };
}

async function withConnection<T>(
  options: ConnectOptions,
  use: (connection: DirectoryConnection) => Promise<T>,
): Promise<T> {
  const connection = await connect(options);
  try {
    return await use(connection);
  } finally {
    await close(connection);
  }
}

/** The DirectoryError a promise rejects with; fails the test when it resolves or throws something else. */
async function directoryError(promise: Promise<unknown>): Promise<DirectoryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DirectoryError);
    return error as DirectoryError;
  }
  throw new Error('expected a DirectoryError, but the call succeeded');
}

async function collect(pages: AsyncIterable<DirectoryEntry[]>): Promise<DirectoryEntry[][]> {
  const result: DirectoryEntry[][] = [];
  for await (const page of pages) result.push(page);
  return result;
}

describe('connecting to a domain controller', () => {
  it('binds over LDAPS with certificate verification and the test CA, and reads the rootDSE', async () => {
    const phases: string[] = [];
    await withConnection(ldapsOptions({ onPhase: (phase) => phases.push(phase) }), async (connection) => {
      expect(phases).toEqual(['connecting', 'binding']);
      expect(connection.endpoint).toMatchObject({ host: dc.ip, port: 636, transport: 'ldaps' });
      const rootDse = await readRootDse(connection);
      expect(rootDse.defaultNamingContext).toBe(dc.baseDn);
      expect(rootDse.dnsHostName?.toLowerCase()).toBe(dc.serverName);
      expect(rootDse.domainFunctionality).toEqual(expect.any(Number));
      expect(rootDse.highestCommittedUSN).toMatch(/^\d+$/);
      expect(rootDse.dsServiceName).toContain('CN=NTDS Settings');
      expect(rootDse.serverName).toContain('CN=Servers');
      expect(rootDse.supportedControl).toContain(PAGED_RESULTS_OID);
    });
  });

  it('accepts the bind name as a UPN, as DOMAIN\\user and as a DN', async () => {
    const helpdesk = dc.bindAccounts.helpdesk;
    for (const bindName of [
      helpdesk.userPrincipalName,
      `${dc.netbiosDomain}\\${helpdesk.sAMAccountName}`,
      helpdesk.dn,
    ]) {
      await withConnection(ldapsOptions({ bindName, password: helpdesk.password }), async (connection) => {
        expect((await readRootDse(connection)).defaultNamingContext).toBe(dc.baseDn);
      });
    }
  });

  it('binds with StartTLS on port 389', async () => {
    await withConnection(ldapsOptions({ transport: 'starttls' }), async (connection) => {
      expect(connection.endpoint).toMatchObject({ port: 389, transport: 'starttls', url: `ldap://${dc.ip}:389` });
      expect((await readRootDse(connection)).defaultNamingContext).toBe(dc.baseDn);
    });
  });

  it('checks the certificate against the server name when one is given', async () => {
    await withConnection(ldapsOptions({ serverName: dc.serverName }), async (connection) => {
      expect((await readRootDse(connection)).dnsHostName?.toLowerCase()).toBe(dc.serverName);
    });
  });

  it('refuses plain LDAP unless it is explicitly allowed and the bind confirmed, and binds when both are', async () => {
    const refused = await directoryError(connect(ldapsOptions({ transport: 'ldap' })));
    expect(refused.code).toBe('PLAIN_LDAP_REFUSED');
    expect(refused.message).toMatch(/unencrypted/);
    expect(refused.details).toMatchObject({ host: dc.ip, port: 389, transport: 'ldap' });

    // Allowed but not confirmed for this bind: refused before anything is sent.
    const unconfirmed = await directoryError(connect(ldapsOptions({ transport: 'ldap', allowPlainLdap: true })));
    expect(unconfirmed.code).toBe('PLAIN_LDAP_NOT_CONFIRMED');
    expect(unconfirmed.message).toMatch(/clear text/);
    expect(unconfirmed.details).toMatchObject({ host: dc.ip, port: 389, transport: 'ldap', bindName: dc.adminUpn });

    await withConnection(
      ldapsOptions({ transport: 'ldap', allowPlainLdap: true, confirmPlainTextBind: true }),
      async (connection) => {
        expect((await readRootDse(connection)).defaultNamingContext).toBe(dc.baseDn);
      },
    );
  });
});

describe('connection failures are typed and explained', () => {
  let otherCaDir: string;
  let otherCaPem: string;

  beforeAll(async () => {
    otherCaDir = await mkdtemp(join(tmpdir(), 'warden-other-ca-'));
    otherCaPem = (await createCertificateAuthority(otherCaDir, 'Some Other CA')).pem;
  });

  afterAll(async () => {
    await rm(otherCaDir, { recursive: true, force: true });
  });

  it('says the certificate is not from a trusted CA when given the wrong CA, or none', async () => {
    for (const caPem of [otherCaPem, undefined]) {
      const options = ldapsOptions();
      if (caPem === undefined) delete options.caPem;
      else options.caPem = caPem;
      const error = await directoryError(connect(options));
      expect(error.code).toBe('TLS_UNTRUSTED');
      expect(error.message).toContain('not signed by a trusted CA');
      expect(error.message).toContain('import the CA bundle');
      expect(error.details).toMatchObject({ host: dc.ip, port: 636, transport: 'ldaps' });
    }
  });

  it('says the same over StartTLS', async () => {
    const error = await directoryError(connect(ldapsOptions({ transport: 'starttls', caPem: otherCaPem })));
    expect(error.code).toBe('TLS_UNTRUSTED');
    expect(error.details).toMatchObject({ port: 389, transport: 'starttls' });
  });

  it('names the certificate names and the expected one on a name mismatch', async () => {
    const error = await directoryError(connect(ldapsOptions({ serverName: 'dc9.wrong.example.test' })));
    expect(error.code).toBe('TLS_NAME_MISMATCH');
    expect(error.message).toContain(`${dc.serverName}`);
    expect(error.message).toContain('not dc9.wrong.example.test');
    expect(error.message).toContain('set the server name');
    expect(error.details).toMatchObject({ expectedName: 'dc9.wrong.example.test' });
    expect(error.details?.['certificateNames']).toEqual(expect.arrayContaining([dc.serverName, dc.ip]));
  });

  it("maps a wrong password to AD's 52e reason", async () => {
    const error = await directoryError(connect(ldapsOptions({ password: 'not-the-password' })));
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.details).toMatchObject({ adReasonCode: '52e', resultCode: 49, bindName: dc.adminUpn, host: dc.ip });
    expect(error.message).toContain('user name or password is wrong');
  });

  it('refuses an empty password instead of binding anonymously', async () => {
    const error = await directoryError(connect(ldapsOptions({ password: '' })));
    expect(error.code).toBe('EMPTY_PASSWORD');
  });

  it('reports a closed port as unreachable, naming the host and port', async () => {
    const error = await directoryError(connect(ldapsOptions({ port: 1 })));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain(`${dc.ip}:1`);
    expect(error.details).toMatchObject({ host: dc.ip, port: 1, systemCode: 'ECONNREFUSED' });
  });

  it('says when LDAPS is pointed at a port that does not speak TLS', async () => {
    const error = await directoryError(connect(ldapsOptions({ port: 389 })));
    expect(error.code).toBe('TLS_FAILED');
    expect(error.message).toContain('LDAPS');
    expect(error.details).toMatchObject({ port: 389, stage: 'connect' });
  });

  describe('against a server that accepts connections and never answers', () => {
    let server: Server;
    let port: number;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      port = address.port;
    });

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('times out with a typed error, never having reached the bind', async () => {
      const started = Date.now();
      const phases: string[] = [];
      const error = await directoryError(
        connect(ldapsOptions({ host: '127.0.0.1', port, timeoutMs: 1_000, onPhase: (phase) => phases.push(phase) })),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.details).toMatchObject({ stage: 'connect' });
      expect(phases).toEqual(['connecting']);
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('stops at once when cancelled', async () => {
      const controller = new AbortController();
      const pending = connect(ldapsOptions({ host: '127.0.0.1', port, timeoutMs: 30_000, signal: controller.signal }));
      setTimeout(() => controller.abort(), 200);
      const started = Date.now();
      const error = await directoryError(pending);
      expect(error.code).toBe('CANCELLED');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });
});

describe('searching', () => {
  it('pages through every seeded account, a page at a time, with binary attributes as Buffers', async () => {
    await withConnection(ldapsOptions(), async (connection) => {
      const pages = await collect(
        searchPaged(connection, {
          base: dc.baseDn,
          filter: ACCOUNT_FILTER,
          attributes: ['sAMAccountName', 'objectSid', 'objectGUID', 'userAccountControl'],
          pageSize: 100,
        }),
      );
      const entries = pages.flat();
      expect(pages.length).toBeGreaterThan(dc.facts.counts.totalAccounts / 100 - 1);
      expect(pages.every((page) => page.length <= 100)).toBe(true);
      expect(entries).toHaveLength(dc.facts.counts.totalAccounts);
      expect(new Set(entries.map((e) => e.dn.toLowerCase())).size).toBe(entries.length);

      const gmsa = entries.find((e) => e.dn === dc.facts.notable.gmsa);
      expect(gmsa).toBeDefined();
      const sid = gmsa?.['objectSid'];
      expect(Buffer.isBuffer(sid)).toBe(true);
      // Revision 1, and 5 sub-authorities: S-1-5-21-a-b-c-RID.
      expect((sid as Buffer)[0]).toBe(1);
      expect((sid as Buffer)[1]).toBe(5);
      expect((gmsa?.['objectGUID'] as Buffer).length).toBe(16);
    });
  });

  it('stops between pages when the signal fires', async () => {
    await withConnection(ldapsOptions(), async (connection) => {
      const controller = new AbortController();
      let pagesSeen = 0;
      const run = async (): Promise<void> => {
        for await (const page of searchPaged(connection, {
          base: dc.baseDn,
          filter: ACCOUNT_FILTER,
          attributes: ['sAMAccountName'],
          pageSize: 50,
          signal: controller.signal,
        })) {
          expect(page.length).toBeGreaterThan(0);
          pagesSeen += 1;
          controller.abort();
        }
      };
      const error = await directoryError(run());
      expect(error.code).toBe('CANCELLED');
      expect(pagesSeen).toBe(1);
    });
  });

  it('finds a name containing *)( only when the filter is escaped', async () => {
    const name = dc.facts.specialCharacterName;
    expect(name).toContain('*)(');
    await withConnection(ldapsOptions(), async (connection) => {
      const escaped = (
        await collect(
          searchPaged(connection, {
            base: dc.baseDn,
            filter: escapeFilter`(cn=${name})`,
            attributes: ['cn', 'displayName'],
          }),
        )
      ).flat();
      expect(escaped.map((e) => e.dn)).toEqual([dc.facts.notable.specialCharacterAccount]);
      expect(escaped.map((e) => firstString(e, 'displayName'))).toEqual([name]);

      // What concatenation would have asked for matches the decoy too.
      const prefix = (
        await collect(searchPaged(connection, { base: dc.baseDn, filter: '(cn=Build*)', attributes: ['cn'] }))
      ).flat();
      expect(prefix.map((e) => e.dn)).toEqual(
        expect.arrayContaining([dc.facts.notable.specialCharacterAccount, dc.facts.notable.specialCharacterDecoy]),
      );
    });
  });

  it('shows ranged retrieval on the group of more than 1,500 members', async () => {
    const { dn, memberCount } = dc.facts.bigGroup;
    expect(memberCount).toBeGreaterThan(1500);
    // Windows answers a plain `member` request with `member;range=0-1499` past 1,500 values (MaxValRange);
    // Samba returns them all unless a range is asked for, so the ranges are asked for here.
    const readRange = async (connection: DirectoryConnection, range: string): Promise<DirectoryEntry> => {
      const [entry] = (
        await collect(
          searchPaged(connection, {
            base: dn,
            scope: 'base',
            filter: '(objectClass=group)',
            attributes: [`member;range=${range}`],
          }),
        )
      ).flat();
      if (entry === undefined) throw new Error(`no entry for ${dn}`);
      return entry;
    };
    await withConnection(ldapsOptions(), async (connection) => {
      const first = await readRange(connection, '0-1499');
      expect(Object.keys(first)).toContain('member;range=0-1499');
      expect(first['member;range=0-1499']).toHaveLength(1500);
      const rest = await readRange(connection, '1500-2999');
      // The last range ends in `*`: that is how a reader knows it is done.
      const last = memberCount <= 3000;
      const key = last ? 'member;range=1500-*' : 'member;range=1500-2999';
      expect(Object.keys(rest)).toContain(key);
      expect(rest[key]).toHaveLength(last ? memberCount - 1500 : 1500);
    });
  });

  it('types a malformed filter and a base that does not exist', async () => {
    await withConnection(ldapsOptions(), async (connection) => {
      const invalid = await directoryError(
        collect(searchPaged(connection, { base: dc.baseDn, filter: '(cn=unbalanced', attributes: ['cn'] })),
      );
      expect(invalid.code).toBe('INVALID_FILTER');
      const missing = `OU=Nowhere,${dc.baseDn}`;
      const noSuch = await directoryError(
        collect(searchPaged(connection, { base: missing, filter: '(objectClass=*)', attributes: ['cn'] })),
      );
      expect(noSuch.code).toBe('NO_SUCH_OBJECT');
      expect(noSuch.details).toMatchObject({ base: missing, host: dc.ip });
    });
  });
});

describe('counting accounts', () => {
  it('reports progress page by page and the seeded total', async () => {
    await withConnection(ldapsOptions(), async (connection) => {
      const progress: number[] = [];
      const total = await countAccounts(connection, dc.baseDn, { onProgress: (n) => progress.push(n), pageSize: 500 });
      expect(total).toBe(dc.facts.counts.totalAccounts);
      expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(total / 500));
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(total);
    });
  });

  it('runs the whole connection test as the app does', async () => {
    const phases: string[] = [];
    const report = await testConnection(
      {
        host: dc.host,
        transport: 'ldaps',
        allowPlainLdap: false,
        caPem: dc.caPem,
        bindName: dc.bindAccounts.operator.userPrincipalName,
        timeoutMs: 10_000,
      },
      dc.bindAccounts.operator.password,
      { onProgress: ({ phase }) => phases.push(phase) },
    );
    expect(report).toMatchObject({
      url: `ldaps://${dc.ip}:636`,
      transport: 'ldaps',
      certificateVerified: true,
      defaultNamingContext: dc.baseDn,
      accountCount: dc.facts.counts.totalAccounts,
    });
    expect(report.boundAs.toLowerCase()).toContain(dc.bindAccounts.operator.sAMAccountName);
    expect(phases[0]).toBe('connecting');
    expect(phases).toEqual(expect.arrayContaining(['binding', 'reading-rootdse', 'counting']));
  });

  it('close() can be called twice and never throws', async () => {
    const connection = await connect(ldapsOptions());
    await close(connection);
    await expect(close(connection)).resolves.toBeUndefined();
    const error = await directoryError(readRootDse(connection));
    expect(error.code).toBe('CONNECTION_CLOSED');
  });
});

describe('a domain controller that requires encrypted binds', () => {
  let strict: TestDc;

  beforeAll(async () => {
    strict = await startTestDc({ smbOptions: { 'ldap server require strong auth': 'yes' } });
  });

  afterAll(async () => {
    await strict?.stop();
  });

  it('refuses a plain LDAP bind with strongerAuthRequired, which says to use LDAPS or StartTLS', async () => {
    const error = await directoryError(
      connect(
        ldapsOptions({
          host: strict.host,
          transport: 'ldap',
          allowPlainLdap: true,
          confirmPlainTextBind: true,
          caPem: strict.caPem,
        }),
      ),
    );
    expect(error.code).toBe('STRONGER_AUTH_REQUIRED');
    expect(error.message).toContain('use LDAPS or StartTLS');
    expect(error.details).toMatchObject({ host: strict.ip, port: 389, transport: 'ldap' });
  });
});
