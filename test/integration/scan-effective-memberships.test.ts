import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FILTER,
  close,
  connect,
  decodeGuid,
  escapeFilter,
  searchPaged,
  type DirectoryEntry,
} from '../../src/directory';
import { scanDirectory, type ScanPhase, type ScanSummary } from '../../src/inventory';
import { privilegedTierOf } from '../../src/inventory/privileged-groups';
import { openStore, type SnapshotsRepository, type Store } from '../../src/store';
import { adminLdapsTarget, startTestDc, type TestDc } from '../dc/test-dc';

let dc: TestDc;
let dir: string;
let store: Store;
let scan: ScanSummary;
/** When each phase of the scan was first reported, in ms since it started. */
let phaseAt: Map<ScanPhase, number>;
let groupByGuid: Map<string, { dn: string; sam_account_name: string | null; sid: string | null }>;

/** A full scan, with the moment each phase began. */
async function timedScan(target: Store): Promise<{ summary: ScanSummary; phases: Map<ScanPhase, number> }> {
  const phases = new Map<ScanPhase, number>();
  const started = performance.now();
  const summary = await scanDirectory({
    target: adminLdapsTarget(dc),
    password: dc.adminPassword,
    store: target,
    onProgress: (event) => {
      if (!phases.has(event.phase)) phases.set(event.phase, performance.now() - started);
    },
  });
  return { summary, phases };
}

async function searchAll(filter: string, attributes: string[]): Promise<DirectoryEntry[]> {
  const connection = await connect({ ...adminLdapsTarget(dc), password: dc.adminPassword });
  try {
    const entries: DirectoryEntry[] = [];
    for await (const page of searchPaged(connection, { base: dc.baseDn, filter, attributes, pageSize: 1000 })) {
      entries.push(...page);
    }
    return entries;
  } finally {
    await close(connection);
  }
}

function guidOf(entry: DirectoryEntry): string {
  const value = entry['objectGUID'];
  const bytes = Array.isArray(value) ? value[0] : value;
  if (!Buffer.isBuffer(bytes)) throw new Error(`objectGUID of ${entry.dn} was not read as bytes`);
  return decodeGuid(bytes);
}

async function accountGuid(dn: string): Promise<string> {
  const row = await store.db
    .selectFrom('accounts')
    .select('object_guid')
    .where('snapshot_id', '=', scan.snapshotId)
    .where('dn', '=', dn)
    .executeTakeFirstOrThrow();
  return row.object_guid;
}

function domainAdminsGuid(): string {
  const found = [...groupByGuid].find(([, group]) => /^S-1-5-21-\d+-\d+-\d+-512$/.test(group.sid ?? ''));
  if (found === undefined) throw new Error('no Domain Admins in the snapshot');
  return found[0];
}

beforeAll(async () => {
  dc = await startTestDc();
  dir = await mkdtemp(join(tmpdir(), 'warden-effective-'));
  store = await openStore({
    path: join(dir, 'warden.db'),
    key: { kind: 'passphrase', passphrase: 'effective memberships', scrypt: { logN: 10, r: 8, p: 1 } },
    create: true,
  });
  ({ summary: scan, phases: phaseAt } = await timedScan(store));
  const groups = await store.db
    .selectFrom('groups')
    .select(['object_guid', 'dn', 'sam_account_name', 'sid'])
    .where('snapshot_id', '=', scan.snapshotId)
    .execute();
  groupByGuid = new Map(groups.map((group) => [group.object_guid, group]));
});

afterAll(async () => {
  await store?.close();
  await dc?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('effective memberships of a full scan', () => {
  it('are stored with the snapshot for privileged groups only, after every page and before it completes', async () => {
    expect(await store.snapshots.get(scan.snapshotId)).toMatchObject({ status: 'complete' });
    const rows = await store.db
      .selectFrom('effective_memberships')
      .select('group_guid')
      .distinct()
      .where('snapshot_id', '=', scan.snapshotId)
      .execute();
    const domainSid = groupByGuid.get(domainAdminsGuid())?.sid?.replace(/-512$/, '') ?? '';
    const tiers = rows.map((row) => {
      const group = groupByGuid.get(row.group_guid);
      return group === undefined
        ? undefined
        : privilegedTierOf(
            { guid: row.group_guid, dn: group.dn, sid: group.sid, samAccountName: group.sam_account_name },
            domainSid,
          );
    });
    expect(tiers.length).toBeGreaterThan(3);
    expect(tiers).not.toContain(undefined);
    const memberships = phaseAt.get('memberships');
    expect(memberships).toBeGreaterThan(phaseAt.get('groups') ?? Infinity);
    expect(memberships).toBeLessThan(phaseAt.get('finishing') ?? -Infinity);
  });

  it('give the nested service account its path App-Admins → Tier0-Admins → Domain Admins', async () => {
    const svc = await accountGuid(dc.facts.notable.nestedAdminServiceAccount);
    const row = await store.db
      .selectFrom('effective_memberships')
      .select('path')
      .where('snapshot_id', '=', scan.snapshotId)
      .where('account_guid', '=', svc)
      .where('group_guid', '=', domainAdminsGuid())
      .executeTakeFirstOrThrow();
    const path = JSON.parse(row.path) as string[];
    expect(path.map((guid) => groupByGuid.get(guid)?.sam_account_name)).toEqual([
      'App-Admins',
      'Tier0-Admins',
      'Domain Admins',
    ]);
    expect(path.map((guid) => groupByGuid.get(guid)?.dn.toLowerCase())).toEqual(
      [dc.facts.notable.appAdminsGroup, dc.facts.notable.tier0AdminsGroup]
        .map((dn) => dn.toLowerCase())
        .concat(groupByGuid.get(domainAdminsGuid())?.dn.toLowerCase() ?? ''),
    );
  });

  it('hold the accounts in Domain Admins that the directory’s transitive filter returns', async () => {
    const domainAdmins = domainAdminsGuid();
    const rows = await store.db
      .selectFrom('effective_memberships')
      .select(['account_guid', 'path'])
      .where('snapshot_id', '=', scan.snapshotId)
      .where('group_guid', '=', domainAdmins)
      .execute();
    // The 1941 rule follows `member` links only, not primaryGroupID; no seeded account has Domain Admins
    // (or a group inside it) as its primary group, so both sides must name the same accounts.
    const dn = groupByGuid.get(domainAdmins)?.dn ?? '';
    const transitive = escapeFilter`(memberOf:1.2.840.113556.1.4.1941:=${dn})`;
    const theirs = await searchAll(`(&${ACCOUNT_FILTER}${transitive})`, ['objectGUID']);
    expect(theirs.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.account_guid).sort()).toEqual(theirs.map(guidOf).sort());
  });

  it('cost little next to the scan (timing is printed, not asserted)', async () => {
    // The same scan with the step left out: a store whose graph is empty and whose write does nothing.
    const snapshots: SnapshotsRepository = {
      ...store.snapshots,
      graphGroups: () => Promise.resolve([]),
      writeEffectiveMemberships: () => Promise.resolve(0),
    };
    const runs: { with: number[]; without: number[]; step: number[] } = { with: [], without: [], step: [] };
    for (let round = 0; round < 2; round += 1) {
      const plain = await timedScan({ ...store, snapshots });
      runs.without.push(plain.summary.durationMs);
      const full = await timedScan(store);
      runs.with.push(full.summary.durationMs);
      runs.step.push(Math.round((full.phases.get('finishing') ?? 0) - (full.phases.get('memberships') ?? 0)));
    }
    const { n } = await store.db
      .selectFrom('effective_memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('snapshot_id', '=', scan.snapshotId)
      .executeTakeFirstOrThrow();
    console.log(
      `${Number(n)} effective memberships of ${scan.accounts} accounts, ${scan.groups} groups: scan with the step ` +
        `${runs.with.join(', ')} ms, without ${runs.without.join(', ')} ms; the step itself ${runs.step.join(', ')} ms ` +
        `(first scan: ${Math.round((phaseAt.get('finishing') ?? 0) - (phaseAt.get('memberships') ?? 0))} ms)`,
    );
    expect(runs.with).toHaveLength(2);
  });
});
