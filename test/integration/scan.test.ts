import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FILTER,
  close,
  connect,
  decodeGuid,
  DirectoryError,
  firstString,
  GROUP_FILTER,
  searchPaged,
  type DirectoryConnection,
  type DirectoryEntry,
} from '../../src/directory';
import { scanDirectory, type ScanProgress, type ScanSummary } from '../../src/inventory';
import { openStore, type AccountRow, type Store } from '../../src/store';
import { adminLdapsTarget, startTestDc, type TestDc } from '../dc/test-dc';
import { plaintextHits } from '../unit/store/helpers';

const run = promisify(execFile);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSPHRASE = 'integration scan passphrase';

let dc: TestDc;
let dir: string;
let storePath: string;
let store: Store;
let first: ScanSummary;
let firstEvents: ScanProgress[];

async function withConnection<T>(use: (connection: DirectoryConnection) => Promise<T>): Promise<T> {
  const connection = await connect({ ...adminLdapsTarget(dc), password: dc.adminPassword });
  try {
    return await use(connection);
  } finally {
    await close(connection);
  }
}

/** How many objects a filter matches, counted page by page without the scan's code. */
async function countMatching(filter: string): Promise<number> {
  return withConnection(async (connection) => {
    let count = 0;
    for await (const page of searchPaged(connection, { base: dc.baseDn, filter, attributes: ['1.1'] })) {
      count += page.length;
    }
    return count;
  });
}

async function accountByDn(snapshotId: string, dn: string): Promise<AccountRow> {
  return store.db
    .selectFrom('accounts')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .where('dn', '=', dn)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-scan-'));
  storePath = join(dir, 'warden.db');
  store = await openStore({
    path: storePath,
    key: { kind: 'passphrase', passphrase: PASSPHRASE, scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  firstEvents = [];
  first = await scanDirectory({
    target: adminLdapsTarget(dc),
    password: dc.adminPassword,
    store,
    onProgress: (event) => {
      firstEvents.push(event);
    },
  });
  console.log(
    `full scan: ${first.accounts} accounts, ${first.groups} groups in ${first.durationMs} ms ` +
      `(${Math.round((first.accounts + first.groups) / (first.durationMs / 1000))} objects/s)`,
  );
});

afterAll(async () => {
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a full scan of the test domain', () => {
  it('stores every account and every group the directory holds', async () => {
    expect(first.incremental).toBe(false);
    expect(first.accounts).toBe(dc.facts.counts.totalAccounts);
    expect(first.accounts).toBe(await countMatching(ACCOUNT_FILTER));
    expect(first.groups).toBe(await countMatching(GROUP_FILTER));
    expect(first.groups).toBeGreaterThanOrEqual(dc.facts.counts.groups);

    const snapshot = await store.snapshots.get(first.snapshotId);
    expect(snapshot).toMatchObject({
      status: 'complete',
      sourceKind: 'ldap',
      accountCount: first.accounts,
      groupCount: first.groups,
      baseDn: dc.baseDn,
      dcHost: dc.serverName,
      error: null,
    });
    expect(snapshot?.invocationId).toMatch(GUID);
    expect(snapshot?.highestCommittedUsn).toBeGreaterThan(0);
    expect((await store.snapshots.latestComplete())?.id).toBe(first.snapshotId);
  });

  it('reads every member of the big group through ranged reads', async () => {
    expect(dc.facts.bigGroup.memberCount).toBeGreaterThan(1500);
    const group = await store.db
      .selectFrom('groups')
      .select('object_guid')
      .where('snapshot_id', '=', first.snapshotId)
      .where('dn', '=', dc.facts.bigGroup.dn)
      .executeTakeFirstOrThrow();
    const members = await store.db
      .selectFrom('memberships')
      .select(['member_dn', 'member_guid'])
      .where('snapshot_id', '=', first.snapshotId)
      .where('group_guid', '=', group.object_guid)
      .where('direct', '=', 1)
      .execute();
    expect(members).toHaveLength(dc.facts.bigGroup.memberCount);
    expect(members.filter((m) => m.member_guid === null)).toEqual([]);
  });

  it('decodes the gMSA and the sMSA', async () => {
    const gmsa = await accountByDn(first.snapshotId, dc.facts.notable.gmsa);
    expect(gmsa.sid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
    expect(gmsa.object_guid).toMatch(GUID);
    expect(JSON.parse(gmsa.object_classes)).toContain('msDS-GroupManagedServiceAccount');
    expect(gmsa.sam_account_name).toMatch(/\$$/);
    expect(gmsa.user_account_control).toBe(4096);
    expect(gmsa.primary_group_id).toBe(515);
    const smsa = await accountByDn(first.snapshotId, dc.facts.notable.smsa);
    expect(JSON.parse(smsa.object_classes)).toContain('msDS-ManagedServiceAccount');
  });

  it("keeps the gMSA's owner as its managedBy names it", async () => {
    const gmsa = await accountByDn(first.snapshotId, dc.facts.notable.gmsa);
    const owner = await accountByDn(first.snapshotId, dc.facts.notable.gmsaOwner);
    expect(gmsa.managed_by).toBe(dc.facts.notable.gmsaOwner);
    expect(gmsa.managed_by).toBe(owner.dn);
    expect(gmsa.manager_dn).toBeNull();
    const smsa = await accountByDn(first.snapshotId, dc.facts.notable.smsa);
    expect(smsa.managed_by).toBeNull();
  });

  it('keeps the objectGUID as the directory has it', async () => {
    const dn = dc.facts.notable.bindServiceAccount;
    const entry = await withConnection(async (connection) => {
      const entries: DirectoryEntry[] = [];
      for await (const page of searchPaged(connection, {
        base: dn,
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['objectGUID', 'sAMAccountName'],
      })) {
        entries.push(...page);
      }
      return entries[0];
    });
    const account = await accountByDn(first.snapshotId, dn);
    expect(account.object_guid).toBe(decodeGuid(entry?.['objectGUID'] as Buffer));
    expect(account.sam_account_name).toBe(entry === undefined ? undefined : firstString(entry, 'sAMAccountName'));
  });

  it('decodes flags, times and escaped names of the notable accounts', async () => {
    const asRep = await accountByDn(first.snapshotId, dc.facts.notable.asRepRoastable);
    expect((asRep.user_account_control ?? 0) & 0x400000).toBe(0x400000);
    const unconstrained = await accountByDn(first.snapshotId, dc.facts.notable.unconstrainedDelegation);
    expect((unconstrained.user_account_control ?? 0) & 0x80000).toBe(0x80000);
    const special = await accountByDn(first.snapshotId, dc.facts.notable.specialCharacterAccount);
    expect(special.dn).toBe(dc.facts.notable.specialCharacterAccount);
    const comma = await accountByDn(first.snapshotId, dc.facts.notable.commaInNamePerson);
    expect(comma.ou).toBe(dc.facts.notable.commaInNamePerson.replace(/^CN=.*?[^\\],/, ''));
    expect(comma.when_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const timed = await store.db
      .selectFrom('accounts')
      .select(['last_logon_timestamp', 'account_expires'])
      .where('snapshot_id', '=', first.snapshotId)
      .execute();
    const neverLoggedOn = timed.filter((a) => a.last_logon_timestamp === null).length;
    // Only the accounts the tests bind as (and Administrator) can have logged on since the seed.
    expect(neverLoggedOn).toBeGreaterThanOrEqual(dc.facts.counts.neverLoggedOn);
    expect(neverLoggedOn).toBeLessThanOrEqual(dc.facts.counts.neverLoggedOn + 3);
    const expired = timed.filter(
      (a) => a.account_expires !== null && a.account_expires < dc.facts.parameters.referenceDate,
    ).length;
    expect(expired).toBe(dc.facts.counts.expired);
    const spns = await store.db
      .selectFrom('accounts')
      .select('spns')
      .where('snapshot_id', '=', first.snapshotId)
      .where('spns', '!=', '[]')
      .execute();
    expect(spns.length).toBeGreaterThanOrEqual(dc.facts.counts.withSpn);
  });

  it('reports progress page by page, and estimates the next scan from this one', async () => {
    const phases = new Set(firstEvents.map((e) => e.phase));
    expect([...phases]).toEqual(
      expect.arrayContaining(['connecting', 'reading-rootdse', 'accounts', 'groups', 'finishing']),
    );
    const last = firstEvents.at(-1);
    expect(last).toMatchObject({ phase: 'finishing', accounts: first.accounts, groups: first.groups });
    expect(firstEvents.every((e) => e.estimatedTotal === undefined)).toBe(true);

    const events: ScanProgress[] = [];
    const second = await scanDirectory({
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      store,
      pageSize: 1000,
      onProgress: (event) => {
        events.push(event);
      },
    });
    expect(second.accounts).toBe(first.accounts);
    const reading = events.filter((e) => e.phase === 'accounts');
    expect(reading[0]?.estimatedTotal).toBe(first.accounts + first.groups);
    expect(reading.every((e) => e.ratePerSecond > 0)).toBe(true);
    expect((await store.snapshots.latestComplete())?.id).toBe(second.snapshotId);
  });

  it('writes no account name or DN in clear to the store files', async () => {
    const markers = [
      dc.facts.notable.gmsa,
      dc.facts.notable.bindServiceAccount,
      dc.facts.bigGroup.name,
      dc.facts.specialCharacterName,
      'gmsa-sqlprod',
    ];
    expect(plaintextHits(storePath, markers)).toEqual([]);
  });

  it('marks the snapshot cancelled when the signal fires mid-scan, keeping the last complete one', async () => {
    const before = await store.snapshots.latestComplete();
    const controller = new AbortController();
    const error = await scanDirectory({
      target: adminLdapsTarget(dc),
      password: dc.adminPassword,
      store,
      pageSize: 100,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.phase === 'accounts') controller.abort();
      },
    }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    const [latest] = await store.snapshots.list();
    expect(latest).toMatchObject({ status: 'cancelled', accountCount: 0 });
    expect((await store.snapshots.latestComplete())?.id).toBe(before?.id);
  });

  it('fails with a typed error and leaves no snapshot when the bind is refused', async () => {
    const before = (await store.snapshots.list()).length;
    const error = await scanDirectory({ target: adminLdapsTarget(dc), password: 'not the password', store }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await store.snapshots.list()).length).toBe(before);
  });
});

describe('warden scan', () => {
  async function warden(args: string[], env: Record<string, string>) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['src/cli/warden.mjs', ...args], {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        timeout: 120_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('creates the store on first use and prints exactly the summary as JSON', async () => {
    const caFile = join(dir, 'corp-ca.pem');
    await writeFile(caFile, dc.caPem);
    const db = join(dir, 'cli.db');
    const args = ['scan', '--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', caFile, '--db', db, '--json'];
    const env = { WARDEN_BIND_PASSWORD: dc.adminPassword, WARDEN_DB_PASSPHRASE: PASSPHRASE };
    for (const run of [1, 2]) {
      const result = await warden(args, env);
      expect(result.stderr, `run ${run}`).toBe('');
      expect(result.code, `run ${run}`).toBe(0);
      const summary = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(Object.keys(summary)).toEqual(['snapshotId', 'accounts', 'groups', 'durationMs', 'incremental']);
      expect(summary).toMatchObject({
        accounts: dc.facts.counts.totalAccounts,
        groups: first.groups,
        incremental: false,
      });
      expect(summary['snapshotId']).toMatch(GUID);
      expect(summary['durationMs']).toEqual(expect.any(Number));
    }
  });

  it('exits 1 with a plain-words error for a wrong password, and 2 without --db', async () => {
    const caFile = join(dir, 'corp-ca.pem');
    const db = join(dir, 'cli.db');
    const refused = await warden(['scan', '--url', dc.ldapsUrl, '--bind', dc.adminUpn, '--ca', caFile, '--db', db], {
      WARDEN_BIND_PASSWORD: 'not the password',
      WARDEN_DB_PASSPHRASE: PASSPHRASE,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/password is wrong/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const usage = await warden(['scan', '--url', dc.ldapsUrl, '--bind', dc.adminUpn], {
      WARDEN_BIND_PASSWORD: dc.adminPassword,
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--db/);
  });
});

describe('a domain controller that stops in the middle of a scan', () => {
  it('leaves the previous complete snapshot intact and marks the new one failed in plain words', async () => {
    const doomed = await startTestDc();
    try {
      const previous = await scanDirectory({ target: adminLdapsTarget(doomed), password: doomed.adminPassword, store });
      let stopping: Promise<void> | undefined;
      const error = await scanDirectory({
        target: { ...adminLdapsTarget(doomed), timeoutMs: 5_000 },
        password: doomed.adminPassword,
        store,
        pageSize: 50,
        onProgress: async (event) => {
          if (event.phase === 'accounts' && stopping === undefined) {
            stopping = doomed.stop();
            await stopping;
          }
        },
      }).catch((reason: unknown) => reason);

      expect(stopping).toBeDefined();
      console.log(`scan cut short by the DC stopping: ${String(error)}`);
      expect(error).toBeInstanceOf(DirectoryError);
      const directoryError = error as DirectoryError;
      expect(['CONNECTION_LOST', 'UNREACHABLE', 'TIMEOUT']).toContain(directoryError.code);

      const [latest] = await store.snapshots.list();
      expect(latest).toMatchObject({ status: 'failed', error: directoryError.message, accountCount: 0 });
      expect(latest?.error).toMatch(new RegExp(doomed.host.replace(/\./g, '\\.')));
      expect(latest?.error).not.toMatch(/\n\s+at /);
      const leftovers = await store.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('snapshot_id', '=', latest?.id ?? '')
        .executeTakeFirstOrThrow();
      expect(Number(leftovers.n)).toBe(0);

      const current = await store.snapshots.latestComplete();
      expect(current?.id).toBe(previous.snapshotId);
      const kept = await store.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('snapshot_id', '=', previous.snapshotId)
        .executeTakeFirstOrThrow();
      expect(Number(kept.n)).toBe(previous.accounts);
    } finally {
      await doomed.stop();
    }
  });
});
