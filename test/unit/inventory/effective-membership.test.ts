import { describe, expect, it } from 'vitest';
import { computeEffectiveMemberships, effectiveMemberships } from '../../../src/inventory/effective-membership';
import type { MembershipAccount, MembershipGroup } from '../../../src/inventory/group-graph';

const DOMAIN_SID = 'S-1-5-21-1000-2000-3000';
const BASE = 'DC=corp,DC=example,DC=test';

function dnOf(name: string): string {
  return `CN=${name},OU=Groups,${BASE}`;
}

function group(name: string, members: readonly string[], rid?: number): MembershipGroup {
  return {
    guid: `g-${name}`,
    dn: dnOf(name),
    sid: rid === undefined ? null : `${DOMAIN_SID}-${rid}`,
    memberDns: members,
  };
}

function account(name: string, primaryGroupId: number | null = null): MembershipAccount {
  return {
    guid: `a-${name}`,
    dn: `CN=${name},OU=People,${BASE}`,
    sid: `${DOMAIN_SID}-9${name.length}`,
    primaryGroupId,
  };
}

/** Rows as `account → group: path`, sorted, for readable expectations. */
function rows(accounts: MembershipAccount[], groups: MembershipGroup[]): string[] {
  return computeEffectiveMemberships({ accounts, groups, domainSid: DOMAIN_SID })
    .map((m) => `${m.accountGuid} → ${m.groupGuid}: ${m.path.join(' > ')}${m.viaPrimaryGroup ? ' (primary)' : ''}`)
    .sort();
}

describe('effective membership', () => {
  it('gives a direct membership a path of the group alone', () => {
    const svc = account('svc');
    expect(rows([svc], [group('A', [svc.dn])])).toEqual(['a-svc → g-A: g-A']);
  });

  it('follows two levels of nesting, path from the direct group to the target', () => {
    const svc = account('svc');
    const groups = [group('App', [svc.dn]), group('Tier0', [dnOf('App')]), group('DA', [dnOf('Tier0')], 512)];
    expect(rows([svc], groups)).toEqual([
      'a-svc → g-App: g-App',
      'a-svc → g-DA: g-App > g-Tier0 > g-DA',
      'a-svc → g-Tier0: g-App > g-Tier0',
    ]);
  });

  it('terminates on a cycle and lists each group once', () => {
    const svc = account('svc');
    const groups = [group('A', [svc.dn, dnOf('B')]), group('B', [dnOf('A')]), group('C', [dnOf('B')])];
    expect(rows([svc], groups)).toEqual(['a-svc → g-A: g-A', 'a-svc → g-B: g-A > g-B', 'a-svc → g-C: g-A > g-B > g-C']);
  });

  it('handles a group that contains itself', () => {
    const svc = account('svc');
    expect(rows([svc], [group('Self', [svc.dn, dnOf('Self')])])).toEqual(['a-svc → g-Self: g-Self']);
  });

  it('keeps the shortest path, and the smallest by DN when two are equally short (diamond)', () => {
    const svc = account('svc');
    // svc ∈ Base; Base ∈ Left, Base ∈ Right; Left ∈ Top, Right ∈ Top; also a long way round through Long1 → Long2.
    const groups = [
      group('Top', [dnOf('Right'), dnOf('Left'), dnOf('Long2')]),
      group('Right', [dnOf('Base')]),
      group('Left', [dnOf('Base')]),
      group('Long2', [dnOf('Long1')]),
      group('Long1', [dnOf('Base')]),
      group('Base', [svc.dn]),
    ];
    const top = rows([svc], groups).find((row) => row.startsWith('a-svc → g-Top'));
    expect(top).toBe('a-svc → g-Top: g-Base > g-Left > g-Top');
    // The input order does not change the answer.
    const reversed = rows([svc], [...groups].reverse()).find((row) => row.startsWith('a-svc → g-Top'));
    expect(reversed).toBe(top);
  });

  it('breaks ties between two direct groups by DN, and prefers the shorter even from a later DN', () => {
    const svc = account('svc');
    const groups = [
      group('Zeta', [svc.dn]),
      group('Alpha', [svc.dn]),
      group('Target', [dnOf('Zeta'), dnOf('Alpha')]),
      group('Mid', [dnOf('Alpha')]),
      group('Far', [dnOf('Mid'), dnOf('Zeta')]),
    ];
    const result = rows([svc], groups);
    expect(result).toContain('a-svc → g-Target: g-Alpha > g-Target');
    expect(result).toContain('a-svc → g-Far: g-Zeta > g-Far');
  });

  it('counts the primary group, and the groups it is nested in, marked as via the primary group', () => {
    const user = account('user', 513);
    const gmsa = account('gmsa', 515);
    const groups = [
      group('Domain Users', [], 513),
      group('Domain Computers', [], 515),
      group('Users', [dnOf('Domain Users')]),
      group('Other', [user.dn]),
    ];
    expect(rows([user, gmsa], groups)).toEqual([
      'a-gmsa → g-Domain Computers: g-Domain Computers (primary)',
      'a-user → g-Domain Users: g-Domain Users (primary)',
      'a-user → g-Other: g-Other',
      'a-user → g-Users: g-Domain Users > g-Users (primary)',
    ]);
  });

  it('prefers an explicit membership over the primary group even when it is longer', () => {
    const user = account('user', 513);
    const groups = [
      group('Domain Users', [], 513),
      group('Staff', [user.dn]),
      group('Users', [dnOf('Domain Users'), dnOf('Everyone-Nested')]),
      group('Everyone-Nested', [dnOf('Staff')]),
    ];
    expect(rows([user], groups)).toContain('a-user → g-Users: g-Staff > g-Everyone-Nested > g-Users');
  });

  it('ignores a primaryGroupID with no matching group, and a zero or absent one', () => {
    const a = account('a', 999);
    const b = account('b', 0);
    const c = account('c');
    expect(rows([a, b, c], [group('Domain Users', [], 513)])).toEqual([]);
  });

  it('skips member DNs that are neither known accounts nor groups', () => {
    const svc = account('svc');
    const groups = [
      group('A', [
        `CN=S-1-5-21-9-9-9-1105,CN=ForeignSecurityPrincipals,${BASE}`,
        `CN=WS01,CN=Computers,${BASE}`,
        svc.dn,
      ]),
      group('B', [dnOf('A'), dnOf('Missing')]),
    ];
    expect(rows([svc], groups)).toEqual(['a-svc → g-A: g-A', 'a-svc → g-B: g-A > g-B']);
  });

  it('matches DNs that differ in case and in spaces after commas', () => {
    const svc = { ...account('svc'), dn: 'CN=svc-x,OU=Service Accounts,DC=corp,DC=example,DC=test' };
    const groups: MembershipGroup[] = [
      {
        guid: 'g-A',
        dn: 'CN=App-Admins,OU=Groups,DC=corp,DC=example,DC=test',
        memberDns: ['cn=SVC-X, ou=service accounts, dc=CORP,dc=Example,dc=test'],
      },
      {
        guid: 'g-B',
        dn: 'CN=Tier0,OU=Groups,DC=corp,DC=example,DC=test',
        memberDns: ['CN = app-admins , OU=GROUPS,DC=corp,DC=example,DC=test'],
      },
    ];
    expect(rows([svc], groups)).toEqual(['a-svc → g-A: g-A', 'a-svc → g-B: g-A > g-B']);
  });

  it('counts a member listed twice once', () => {
    const svc = account('svc');
    expect(rows([svc], [group('A', [svc.dn, svc.dn.toUpperCase()])])).toEqual(['a-svc → g-A: g-A']);
  });

  it('streams rows account by account', () => {
    const one = account('one');
    const two = account('two');
    const iterator = effectiveMemberships({
      accounts: [one, two],
      groups: [group('A', [one.dn, two.dn])],
      domainSid: DOMAIN_SID,
    });
    expect(iterator.next().value).toMatchObject({ accountGuid: 'a-one', groupGuid: 'g-A' });
    expect(iterator.next().value).toMatchObject({ accountGuid: 'a-two', groupGuid: 'g-A' });
    expect(iterator.next().done).toBe(true);
  });

  it('computes a synthetic domain of 100k accounts and 5k nested groups (timing is printed, not asserted)', () => {
    const { accounts, groups } = syntheticDomain(100_000, 5_000);
    const started = performance.now();
    let count = 0;
    let viaPrimary = 0;
    let longest = 0;
    for (const row of effectiveMemberships({ accounts, groups, domainSid: DOMAIN_SID })) {
      count += 1;
      if (row.viaPrimaryGroup) viaPrimary += 1;
      longest = Math.max(longest, row.path.length);
    }
    const ms = performance.now() - started;
    console.log(
      `effective membership: ${accounts.length} accounts, ${groups.length} groups → ${count} rows ` +
        `(${viaPrimary} via primary group, longest path ${longest}) in ${ms.toFixed(0)} ms`,
    );
    expect(count).toBeGreaterThan(accounts.length * 3);
    expect(longest).toBeGreaterThanOrEqual(4);
    // A domain this size takes seconds on a busy machine: room enough, since the time is not what is tested.
  }, 60_000);
});

/** A deterministic pseudo-random generator (mulberry32), so the synthetic graph is the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Layers of groups as in a real domain: many resource groups, fewer role
 * groups, a few tier groups, built-ins at the top; a few edges between role
 * groups make cycles. Every account is in 1–5 resource groups and has
 * Domain Users (group 0) as primary group.
 */
function syntheticDomain(
  accountCount: number,
  groupCount: number,
): { accounts: MembershipAccount[]; groups: MembershipGroup[] } {
  const next = random(42);
  const pick = (range: Range): number => range.from + Math.floor(next() * (range.to - range.from));
  const resource: Range = { from: 1, to: Math.floor(groupCount * 0.8) };
  const role: Range = { from: resource.to, to: resource.to + Math.floor(groupCount * 0.15) };
  const tier: Range = { from: role.to, to: role.to + Math.floor(groupCount * 0.04) };
  const top: Range = { from: tier.to, to: groupCount };
  const members: string[][] = Array.from({ length: groupCount }, () => []);
  const add = (group: number, memberDn: string): void => {
    members[group]?.push(memberDn);
  };
  const groupDn = (index: number): string => `CN=G${index},OU=Groups,${BASE}`;

  const accounts: MembershipAccount[] = [];
  for (let a = 0; a < accountCount; a += 1) {
    const dn = `CN=User${a},OU=People,${BASE}`;
    accounts.push({ guid: `a${a}`, dn, sid: `${DOMAIN_SID}-${10_000 + a}`, primaryGroupId: 513 });
    for (let k = pick({ from: 1, to: 6 }); k > 0; k -= 1) add(pick(resource), dn);
  }
  for (const [layer, parents] of [
    [resource, role],
    [role, tier],
    [tier, top],
  ] as const) {
    for (let g = layer.from; g < layer.to; g += 1) {
      for (let k = pick({ from: 1, to: 3 }); k > 0; k -= 1) add(pick(parents), groupDn(g));
    }
  }
  for (let k = 0; k < 20; k += 1) add(pick(role), groupDn(pick(role)));
  add(top.from, groupDn(0));

  const groups: MembershipGroup[] = members.map((memberDns, index) => ({
    guid: `g${index}`,
    dn: groupDn(index),
    sid: `${DOMAIN_SID}-${index === 0 ? 513 : 5_000 + index}`,
    memberDns,
  }));
  return { accounts, groups };
}

interface Range {
  from: number;
  to: number;
}
