import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FILTER,
  allStrings,
  close,
  connect,
  decodeGuid,
  decodeSid,
  escapeFilter,
  firstString,
  searchPaged,
  type DirectoryConnection,
  type DirectoryEntry,
} from '../../src/directory';
import { computeEffectiveMemberships, type EffectiveMembership } from '../../src/inventory/effective-membership';
import type { MembershipAccount, MembershipGroup } from '../../src/inventory/group-graph';
import { privilegedPaths, privilegedTierOf } from '../../src/inventory/privileged-groups';
import { startTestDc, type TestDc } from '../dc/test-dc';

interface DirectoryGroup extends MembershipGroup {
  samAccountName: string | undefined;
}

let dc: TestDc;
let connection: DirectoryConnection;
let domainSid: string;
let accounts: MembershipAccount[];
let groups: DirectoryGroup[];
let memberships: EffectiveMembership[];

beforeAll(async () => {
  dc = await startTestDc();
  connection = await connect({
    host: dc.host,
    transport: 'ldaps',
    allowPlainLdap: false,
    caPem: dc.caPem,
    bindName: dc.adminUpn,
    password: dc.adminPassword,
    timeoutMs: 10_000,
  });
  domainSid = await readDomainSid();
  accounts = await readAccounts();
  groups = await readGroups();
  memberships = computeEffectiveMemberships({ accounts, groups, domainSid });
});

afterAll(async () => {
  if (connection !== undefined) await close(connection);
  await dc?.stop();
});

async function search(
  base: string,
  filter: string,
  attributes: string[],
  scope: 'base' | 'sub' = 'sub',
): Promise<DirectoryEntry[]> {
  const entries: DirectoryEntry[] = [];
  for await (const page of searchPaged(connection, { base, filter, attributes, scope, pageSize: 1000 })) {
    entries.push(...page);
  }
  return entries;
}

function bytesOf(entry: DirectoryEntry, attribute: string): Buffer {
  const value = entry[attribute];
  const bytes = Array.isArray(value) ? value[0] : value;
  if (!Buffer.isBuffer(bytes)) throw new Error(`${attribute} of ${entry.dn} was not read as bytes`);
  return bytes;
}

const sidOf = (entry: DirectoryEntry): string => decodeSid(bytesOf(entry, 'objectSid'));
const guidOf = (entry: DirectoryEntry): string => decodeGuid(bytesOf(entry, 'objectGUID'));

async function readDomainSid(): Promise<string> {
  const [root] = await search(dc.baseDn, '(objectClass=domain)', ['objectSid'], 'base');
  if (root === undefined) throw new Error('no domain object');
  return sidOf(root);
}

async function readAccounts(): Promise<MembershipAccount[]> {
  const entries = await search(dc.baseDn, ACCOUNT_FILTER, ['objectGUID', 'objectSid', 'primaryGroupID']);
  return entries.map((entry) => {
    const primaryGroupId = firstString(entry, 'primaryGroupID');
    return {
      guid: guidOf(entry),
      dn: entry.dn,
      sid: sidOf(entry),
      primaryGroupId: primaryGroupId === undefined ? null : Number(primaryGroupId),
    };
  });
}

const RANGE_KEY = /^member;range=(\d+)-(\d+|\*)$/i;

/**
 * Every `member` value of a group. Windows answers with `member;range=0-1499`
 * past 1,500 values; the rest is asked for range by range until one ends in `*`.
 */
async function allMembers(entry: DirectoryEntry): Promise<string[]> {
  const rangeKey = Object.keys(entry).find((key) => RANGE_KEY.test(key));
  if (rangeKey === undefined) return allStrings(entry, 'member');
  const members = allStrings(entry, rangeKey);
  let end = RANGE_KEY.exec(rangeKey)?.[2];
  while (end !== undefined && end !== '*') {
    const from = Number(end) + 1;
    const [next] = await search(entry.dn, '(objectClass=group)', [`member;range=${from}-*`], 'base');
    const key = next === undefined ? undefined : Object.keys(next).find((k) => RANGE_KEY.test(k));
    if (next === undefined || key === undefined) break;
    members.push(...allStrings(next, key));
    end = RANGE_KEY.exec(key)?.[2];
  }
  return members;
}

async function readGroups(): Promise<DirectoryGroup[]> {
  const entries = await search(dc.baseDn, '(objectClass=group)', [
    'objectGUID',
    'objectSid',
    'sAMAccountName',
    'member',
  ]);
  const result: DirectoryGroup[] = [];
  for (const entry of entries) {
    result.push({
      guid: guidOf(entry),
      dn: entry.dn,
      sid: sidOf(entry),
      samAccountName: firstString(entry, 'sAMAccountName'),
      memberDns: await allMembers(entry),
    });
  }
  return result;
}

function groupByDn(dn: string): DirectoryGroup {
  const group = groups.find((g) => g.dn.toLowerCase() === dn.toLowerCase());
  if (group === undefined) throw new Error(`no group ${dn}`);
  return group;
}

function groupBySid(sid: string): DirectoryGroup {
  const group = groups.find((g) => g.sid === sid);
  if (group === undefined) throw new Error(`no group with SID ${sid}`);
  return group;
}

function accountByDn(dn: string): MembershipAccount {
  const account = accounts.find((a) => a.dn.toLowerCase() === dn.toLowerCase());
  if (account === undefined) throw new Error(`no account ${dn}`);
  return account;
}

describe('effective membership against the seeded domain', () => {
  it('reads every account and the big group with all of its members', () => {
    expect(accounts).toHaveLength(dc.facts.counts.totalAccounts);
    expect(domainSid).toMatch(/^S-1-5-21-\d+-\d+-\d+$/);
    const big = groupByDn(dc.facts.bigGroup.dn);
    expect(big.memberDns).toHaveLength(dc.facts.bigGroup.memberCount);
    expect(dc.facts.bigGroup.memberCount).toBeGreaterThan(1500);
  });

  it('follows ranged retrieval to the end when the first answer is a range, as Windows gives it', async () => {
    // Samba answers a plain `member` with every value; asking for the first range shows the Windows shape.
    const [first] = await search(dc.facts.bigGroup.dn, '(objectClass=group)', ['member;range=0-1499'], 'base');
    if (first === undefined) throw new Error('no big group');
    expect(Object.keys(first)).toContain('member;range=0-1499');
    const members = await allMembers(first);
    expect(members).toHaveLength(dc.facts.bigGroup.memberCount);
    expect(new Set(members)).toEqual(new Set(groupByDn(dc.facts.bigGroup.dn).memberDns));
  });

  it.each([
    ['Domain Admins', () => `${domainSid}-512`],
    ['Administrators', () => 'S-1-5-32-544'],
    ['Account Operators', () => 'S-1-5-32-548'],
    ['Backup Operators', () => 'S-1-5-32-551'],
    ['Server Operators', () => 'S-1-5-32-549'],
  ])('gives the same members of %s as the directory’s transitive filter', async (_name, groupSid) => {
    const group = groupBySid(groupSid());
    // The 1941 rule follows `member` links only, not primaryGroupID: compare with explicit memberships.
    const ours = new Set(
      memberships.filter((m) => m.groupGuid === group.guid && !m.viaPrimaryGroup).map((m) => m.accountGuid),
    );
    // Only the DN is a value to escape; the account filter is a constant and stays as written.
    const transitive = escapeFilter`(memberOf:1.2.840.113556.1.4.1941:=${group.dn})`;
    const theirs = await search(dc.baseDn, `(&${ACCOUNT_FILTER}${transitive})`, ['objectGUID']);
    expect(theirs.length).toBeGreaterThan(0);
    expect([...ours].sort()).toEqual(theirs.map((entry) => guidOf(entry)).sort());
  });

  it('finds the nested service account in Domain Admins through App-Admins and Tier0-Admins', () => {
    const svc = accountByDn(dc.facts.notable.nestedAdminServiceAccount);
    const domainAdmins = groupBySid(`${domainSid}-512`);
    const row = memberships.find((m) => m.accountGuid === svc.guid && m.groupGuid === domainAdmins.guid);
    expect(row?.viaPrimaryGroup).toBe(false);
    expect(row?.path).toEqual([
      groupByDn(dc.facts.notable.appAdminsGroup).guid,
      groupByDn(dc.facts.notable.tier0AdminsGroup).guid,
      domainAdmins.guid,
    ]);
    expect(row?.path.map((guid) => groups.find((g) => g.guid === guid)?.samAccountName)).toEqual([
      'App-Admins',
      'Tier0-Admins',
      'Domain Admins',
    ]);

    const privileged = privilegedPaths(memberships, groups, domainSid).get(svc.guid) ?? [];
    expect(privileged[0]).toMatchObject({ groupGuid: domainAdmins.guid, tier: 'critical' });
    // Domain Admins is itself a member of Administrators: one more step.
    const administrators = groupBySid('S-1-5-32-544');
    expect(privileged.find((p) => p.groupGuid === administrators.guid)?.pathDns).toEqual([
      dc.facts.notable.appAdminsGroup,
      dc.facts.notable.tier0AdminsGroup,
      domainAdmins.dn,
      administrators.dn,
    ]);
  });

  it('puts the operators’ members in the high tier', () => {
    const all = privilegedPaths(memberships, groups, domainSid);
    for (const dn of [
      dc.facts.notable.backupOperatorMember,
      dc.facts.notable.accountOperatorMember,
      dc.facts.notable.serverOperatorMember,
    ]) {
      const paths = all.get(accountByDn(dn).guid) ?? [];
      expect(paths.map((p) => p.tier)).toContain('high');
      expect(paths.find((p) => p.tier === 'high')?.path).toHaveLength(1);
    }
    expect(privilegedTierOf(groupBySid('S-1-5-32-550'), domainSid)).toBe('medium');
  });

  it('counts membership through primaryGroupID: users in Domain Users, gMSAs in Domain Computers', async () => {
    const domainUsers = groupBySid(`${domainSid}-513`);
    const users = await search(
      dc.baseDn,
      '(&(objectClass=user)(objectCategory=person)(primaryGroupID=513)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))',
      ['objectGUID'],
    );
    expect(users.length).toBeGreaterThan(dc.facts.counts.enabled / 2);
    const inDomainUsers = new Map(
      memberships.filter((m) => m.groupGuid === domainUsers.guid).map((m) => [m.accountGuid, m] as const),
    );
    for (const user of users) {
      const row = inDomainUsers.get(guidOf(user));
      expect(row).toMatchObject({ viaPrimaryGroup: true, path: [domainUsers.guid] });
    }
    // Domain Users is a member of Builtin\Users, so the primary group reaches it too.
    const builtinUsers = groupBySid('S-1-5-32-545');
    const svc = accountByDn(dc.facts.notable.nestedAdminServiceAccount);
    expect(memberships.find((m) => m.accountGuid === svc.guid && m.groupGuid === builtinUsers.guid)).toMatchObject({
      viaPrimaryGroup: true,
      path: [domainUsers.guid, builtinUsers.guid],
    });

    const gmsa = accountByDn(dc.facts.notable.gmsa);
    expect(gmsa.primaryGroupId).toBe(515);
    const domainComputers = groupBySid(`${domainSid}-515`);
    expect(memberships.find((m) => m.accountGuid === gmsa.guid && m.groupGuid === domainComputers.guid)).toMatchObject({
      viaPrimaryGroup: true,
      path: [domainComputers.guid],
    });
  });
});
