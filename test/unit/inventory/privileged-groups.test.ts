import { describe, expect, it } from 'vitest';
import { computeEffectiveMemberships } from '../../../src/inventory/effective-membership';
import type { MembershipGroup } from '../../../src/inventory/group-graph';
import { privilegedPaths, privilegedTierOf } from '../../../src/inventory/privileged-groups';

const DOMAIN_SID = 'S-1-5-21-1000-2000-3000';
const BASE = 'DC=corp,DC=example,DC=test';

function candidate(sid: string | null, samAccountName?: string) {
  const name = samAccountName ?? 'Some Group';
  return { guid: `g-${name}`, dn: `CN=${name},CN=Users,${BASE}`, sid, samAccountName: name };
}

describe('privilegedTierOf', () => {
  it.each([
    ['S-1-5-32-544', 'critical'],
    [`${DOMAIN_SID}-512`, 'critical'],
    [`${DOMAIN_SID}-518`, 'critical'],
    [`${DOMAIN_SID}-519`, 'critical'],
    ['S-1-5-32-549', 'high'],
    ['S-1-5-32-548', 'high'],
    ['S-1-5-32-551', 'high'],
    [`${DOMAIN_SID}-526`, 'high'],
    [`${DOMAIN_SID}-527`, 'high'],
    ['S-1-5-32-550', 'medium'],
    ['S-1-5-32-552', 'medium'],
    [`${DOMAIN_SID}-520`, 'medium'],
  ])('puts %s in the %s tier', (sid, tier) => {
    expect(privilegedTierOf(candidate(sid), DOMAIN_SID)).toBe(tier);
  });

  it('recognises forest-wide groups of the forest root domain from a child domain', () => {
    expect(privilegedTierOf(candidate('S-1-5-21-7-8-9-519'), DOMAIN_SID)).toBe('critical');
    expect(privilegedTierOf(candidate('S-1-5-21-7-8-9-518'), DOMAIN_SID)).toBe('critical');
  });

  it('does not treat another domain’s Domain Admins, or ordinary groups, as privileged here', () => {
    expect(privilegedTierOf(candidate('S-1-5-21-7-8-9-512'), DOMAIN_SID)).toBeUndefined();
    expect(privilegedTierOf(candidate(`${DOMAIN_SID}-513`), DOMAIN_SID)).toBeUndefined();
    expect(privilegedTierOf(candidate(`${DOMAIN_SID}-1512`), DOMAIN_SID)).toBeUndefined();
    expect(privilegedTierOf(candidate('S-1-5-32-545'), DOMAIN_SID)).toBeUndefined();
    expect(privilegedTierOf(candidate(null), DOMAIN_SID)).toBeUndefined();
  });

  it('recognises DnsAdmins by name, from sAMAccountName or else the DN', () => {
    expect(privilegedTierOf(candidate(`${DOMAIN_SID}-1101`, 'DnsAdmins'), DOMAIN_SID)).toBe('medium');
    expect(privilegedTierOf({ guid: 'g', dn: `cn=dnsadmins,CN=Users,${BASE}`, sid: null }, DOMAIN_SID)).toBe('medium');
    expect(privilegedTierOf(candidate(`${DOMAIN_SID}-1102`, 'DnsUpdateProxy'), DOMAIN_SID)).toBeUndefined();
  });

  it('compares SIDs case-insensitively', () => {
    expect(privilegedTierOf(candidate('s-1-5-32-544'), DOMAIN_SID)).toBe('critical');
  });
});

describe('privilegedPaths', () => {
  const svcDn = `CN=svc-x,OU=Service Accounts,${BASE}`;
  const groupDn = (name: string, container = 'OU=Groups'): string => `CN=${name},${container},${BASE}`;
  const groups: (MembershipGroup & { samAccountName: string })[] = [
    {
      guid: 'app',
      dn: groupDn('App-Admins'),
      sid: `${DOMAIN_SID}-1201`,
      samAccountName: 'App-Admins',
      memberDns: [svcDn],
    },
    {
      guid: 'tier0',
      dn: groupDn('Tier0-Admins'),
      sid: `${DOMAIN_SID}-1202`,
      samAccountName: 'Tier0-Admins',
      memberDns: [groupDn('App-Admins')],
    },
    {
      guid: 'da',
      dn: groupDn('Domain Admins', 'CN=Users'),
      sid: `${DOMAIN_SID}-512`,
      samAccountName: 'Domain Admins',
      memberDns: [groupDn('Tier0-Admins')],
    },
    {
      guid: 'admins',
      dn: groupDn('Administrators', 'CN=Builtin'),
      sid: 'S-1-5-32-544',
      samAccountName: 'Administrators',
      memberDns: [groupDn('Domain Admins', 'CN=Users')],
    },
    {
      guid: 'print',
      dn: groupDn('Print Operators', 'CN=Builtin'),
      sid: 'S-1-5-32-550',
      samAccountName: 'Print Operators',
      memberDns: [svcDn],
    },
    {
      guid: 'backup',
      dn: groupDn('Backup Operators', 'CN=Builtin'),
      sid: 'S-1-5-32-551',
      samAccountName: 'Backup Operators',
      memberDns: [groupDn('Tier0-Admins')],
    },
    {
      guid: 'users',
      dn: groupDn('Domain Users', 'CN=Users'),
      sid: `${DOMAIN_SID}-513`,
      samAccountName: 'Domain Users',
      memberDns: [],
    },
  ];
  const accounts = [
    { guid: 'svc', dn: svcDn, sid: `${DOMAIN_SID}-1300`, primaryGroupId: 513 },
    { guid: 'nobody', dn: `CN=nobody,OU=People,${BASE}`, sid: `${DOMAIN_SID}-1301`, primaryGroupId: 513 },
  ];
  const memberships = computeEffectiveMemberships({ accounts, groups, domainSid: DOMAIN_SID });

  it('lists an account’s privileged groups, most severe first, each with its path as guids and DNs', () => {
    const result = privilegedPaths(memberships, groups, DOMAIN_SID);
    expect(result.has('nobody')).toBe(false);
    const svc = result.get('svc') ?? [];
    expect(svc.map((p) => [p.tier, p.groupGuid, p.path.join('>')])).toEqual([
      ['critical', 'da', 'app>tier0>da'],
      ['critical', 'admins', 'app>tier0>da>admins'],
      ['high', 'backup', 'app>tier0>backup'],
      ['medium', 'print', 'print'],
    ]);
    expect(svc[0]?.pathDns).toEqual([
      groupDn('App-Admins'),
      groupDn('Tier0-Admins'),
      groupDn('Domain Admins', 'CN=Users'),
    ]);
    expect(svc[0]?.groupDn).toBe(groupDn('Domain Admins', 'CN=Users'));
    expect(svc.every((p) => !p.viaPrimaryGroup)).toBe(true);
  });

  it('keeps memberships that come through the primary group, marked as such', () => {
    // An account whose primary group is Domain Admins: invisible to a `member` search, privileged all the same.
    const odd = [{ guid: 'odd', dn: `CN=odd,OU=People,${BASE}`, sid: `${DOMAIN_SID}-1400`, primaryGroupId: 512 }];
    const rows = computeEffectiveMemberships({ accounts: odd, groups, domainSid: DOMAIN_SID });
    const paths = privilegedPaths(rows, groups, DOMAIN_SID).get('odd') ?? [];
    expect(paths.map((p) => [p.groupGuid, p.path.join('>'), p.viaPrimaryGroup])).toEqual([
      ['da', 'da', true],
      ['admins', 'da>admins', true],
    ]);
  });
});
