import { describe, expect, it } from 'vitest';
import { buildGroupGraph, dnKey } from '../../../src/inventory/group-graph';

describe('dnKey', () => {
  it('folds case', () => {
    expect(dnKey('CN=Domain Admins,CN=Users,DC=Corp,DC=Example')).toBe('cn=domain admins,cn=users,dc=corp,dc=example');
  });

  it('drops spaces around separators but keeps them inside values', () => {
    expect(dnKey(' CN = Domain Admins , CN=Users,  DC=corp ')).toBe('cn=domain admins,cn=users,dc=corp');
    expect(dnKey('CN=a  b,DC=x')).toBe('cn=a  b,dc=x');
  });

  it('treats a hex escape and a character escape of the same character alike, and keeps escaped commas', () => {
    expect(dnKey('CN=Smith\\2C John,OU=People')).toBe(dnKey('cn=smith\\, john,ou=people'));
    expect(dnKey('CN=Smith\\, John,OU=People')).toBe('cn=smith\\, john,ou=people');
    expect(dnKey('CN=Smith\\, John,OU=People')).not.toBe(dnKey('CN=Smith,John,OU=People'));
  });

  it('keeps an escaped trailing space, which is part of the value', () => {
    expect(dnKey('CN=trailing\\ ,DC=x')).toBe('cn=trailing\\ ,dc=x');
    expect(dnKey('CN=trailing\\ ,DC=x')).not.toBe(dnKey('CN=trailing,DC=x'));
  });

  it('folds the case of escaped UTF-8 bytes and of the unescaped form', () => {
    expect(dnKey('CN=J\\C3\\BCrgen,DC=x')).toBe(dnKey('cn=j\\c3\\bcrgen,dc=x'));
    expect(dnKey('CN=JÜRGEN,DC=x')).toBe(dnKey('cn=jürgen,dc=x'));
  });

  it('reads `;` as the old spelling of `,`', () => {
    expect(dnKey('CN=a;DC=x')).toBe('cn=a,dc=x');
  });
});

describe('buildGroupGraph', () => {
  it('numbers groups by DN, keeps parent lists sorted, and resolves the primary group by SID', () => {
    const graph = buildGroupGraph(
      [{ guid: 'a', dn: 'CN=a,DC=x', primaryGroupId: 513 }],
      [
        { guid: 'z', dn: 'CN=Z,DC=x', sid: 'S-1-5-21-1-2-3-1100', memberDns: ['CN=M,DC=x', 'cn=a,dc=x'] },
        { guid: 'm', dn: 'CN=M,DC=x', sid: 'S-1-5-21-1-2-3-513', memberDns: [] },
        { guid: 'b', dn: 'CN=B,DC=x', sid: null, memberDns: ['CN=M,DC=x', 'CN=a,DC=x'] },
        { guid: 'b-again', dn: 'cn=b,dc=x', memberDns: ['CN=a,DC=x'] },
      ],
      'S-1-5-21-1-2-3',
    );
    expect(graph.groups.map((g) => g.guid)).toEqual(['b', 'm', 'z']);
    expect(graph.parentsOf).toEqual([[], [0, 2], []]);
    expect(graph.directGroupsOf).toEqual([[0, 2]]);
    expect([...graph.primaryGroupOf]).toEqual([1]);
  });
});
