import { describe, expect, it } from 'vitest';
import { groupReach, type GroupReach, type ReachInput } from '../../../src/risk/group-reach';
import type { AssessmentAccount, AssessmentEdge, AssessmentGroup } from '../../../src/store';
import { account, compiled, DOMAIN_SID, group, type PolicyInput } from './fixtures';

function edge(parent: AssessmentGroup, member: AssessmentGroup | AssessmentAccount): AssessmentEdge {
  return { groupGuid: parent.guid, memberGuid: 'guid' in member ? member.guid : member.objectGuid };
}

/** Each account's reach by objectGUID (groupReach answers in account order). */
function reach(input: Partial<ReachInput>, edit?: (json: PolicyInput) => void): Map<string, GroupReach> {
  const full: ReachInput = { accounts: [], groups: [], edges: [], paths: [], ...input };
  const reached = groupReach(full, compiled(edit));
  return new Map(full.accounts.map((account, index) => [account.objectGuid, reached[index] as GroupReach]));
}

describe('groupReach: group count', () => {
  it('counts every group reached through nesting, once, and ends on a cycle', () => {
    const g1 = group({ name: 'G1' });
    const g2 = group({ name: 'G2' });
    const g3 = group({ name: 'G3' });
    const g4 = group({ name: 'G4' });
    const x = account();
    const y = account();
    const result = reach({
      accounts: [x, y],
      groups: [g1, g2, g3, g4],
      // x ∈ G1 ⊂ G2 ⊂ G3 ⊂ G1 (a cycle); y ∈ G3 and G4.
      edges: [edge(g1, x), edge(g2, g1), edge(g3, g2), edge(g1, g3), edge(g3, y), edge(g4, y)],
    });
    expect(result.get(x.objectGuid)?.groupCount).toBe(3);
    expect(result.get(y.objectGuid)?.groupCount).toBe(4);
  });

  it('counts a group reached by two routes once', () => {
    const top = group({ name: 'Top' });
    const left = group({ name: 'Left' });
    const right = group({ name: 'Right' });
    const x = account();
    const result = reach({
      accounts: [x],
      groups: [top, left, right],
      edges: [edge(left, x), edge(right, x), edge(top, left), edge(top, right)],
    });
    expect(result.get(x.objectGuid)?.groupCount).toBe(3);
  });

  it('ignores edges to unknown groups or from unknown members', () => {
    const g1 = group({ name: 'G1' });
    const x = account();
    const result = reach({
      accounts: [x],
      groups: [g1],
      edges: [
        edge(g1, x),
        { groupGuid: 'not-a-group', memberGuid: x.objectGuid },
        { groupGuid: g1.guid, memberGuid: 'a-computer' },
      ],
    });
    expect(result.get(x.objectGuid)?.groupCount).toBe(1);
    expect(result.has('a-computer')).toBe(false);
  });

  it('gives an account in no group nothing', () => {
    const x = account();
    expect(reach({ accounts: [x], groups: [group({ name: 'G' })] }).get(x.objectGuid)).toEqual({
      groupCount: 0,
      privileged: [],
      sensitive: [],
    });
  });
});

describe('groupReach: sensitive groups', () => {
  const payroll = group({ name: 'Payroll-Readers' });
  const legal = group({ name: 'Legal-Share', dn: 'CN=Legal-Share,OU=Data,DC=corp,DC=example' });
  const bySid = group({ name: 'Vault', sid: `${DOMAIN_SID}-7777` });
  const gdprFinance = group({ name: 'GDPR-Finance' });
  const plain = group({ name: 'Printers' });

  function sensitiveOf(members: AssessmentGroup[], edit?: (json: PolicyInput) => void) {
    const x = account();
    return reach(
      {
        accounts: [x],
        groups: [payroll, legal, bySid, gdprFinance, plain],
        edges: members.map((member) => edge(member, x)),
      },
      edit,
    ).get(x.objectGuid)?.sensitive;
  }

  it('marks groups by the bundled name patterns, the highest level first', () => {
    expect(sensitiveOf([plain, payroll, legal, gdprFinance])).toEqual([
      // GDPR (personal data, 5) beats Finance (4) for the same group.
      { group: 'GDPR-Finance', label: 'personal data', level: 5 },
      { group: 'Payroll-Readers', label: 'finance data', level: 4 },
      { group: 'Legal-Share', label: 'legal documents', level: 3 },
    ]);
  });

  it('marks a group by its name, DN or SID, without case', () => {
    const edit = (json: PolicyInput): void => {
      json.risk.sensitiveGroups = [
        { group: 'printers', label: 'print queues', level: 2 },
        { group: 'cn=legal-share,ou=data,dc=corp,dc=example', label: 'contracts', level: 3 },
        { group: `${DOMAIN_SID}-7777`.toLowerCase(), label: 'secrets', level: 5 },
      ];
    };
    expect(sensitiveOf([plain, legal, bySid, payroll], edit)).toEqual([
      { group: 'Vault', label: 'secrets', level: 5 },
      { group: 'Legal-Share', label: 'contracts', level: 3 },
      { group: 'Printers', label: 'print queues', level: 2 },
    ]);
  });

  it('orders groups of the same level by name', () => {
    const edit = (json: PolicyInput): void => {
      json.risk.sensitiveGroups = [{ namePattern: '.', label: 'everything', level: 2 }];
    };
    expect(sensitiveOf([plain, payroll, bySid], edit)?.map((entry) => entry.group)).toEqual([
      'Payroll-Readers',
      'Printers',
      'Vault',
    ]);
  });

  it('reads the name pattern against the group’s name only, and the CN when it has no sAMAccountName', () => {
    const inFinanceOu = group({ name: 'Team-A', dn: 'CN=Team-A,OU=Finance,DC=corp,DC=example' });
    const cnOnly = group({ name: 'x', samAccountName: null, dn: 'CN=HR Records,OU=Groups,DC=corp,DC=example' });
    const x = account();
    const result = reach({
      accounts: [x],
      groups: [inFinanceOu, cnOnly],
      edges: [edge(inFinanceOu, x), edge(cnOnly, x)],
    });
    expect(result.get(x.objectGuid)?.sensitive).toEqual([{ group: 'HR Records', label: 'HR records', level: 4 }]);
  });

  it('finds a sensitive group reached through nesting', () => {
    const team = group({ name: 'Team-B' });
    const pii = group({ name: 'PII-Access' });
    const x = account();
    const result = reach({ accounts: [x], groups: [team, pii], edges: [edge(team, x), edge(pii, team)] });
    expect(result.get(x.objectGuid)).toMatchObject({
      groupCount: 2,
      sensitive: [{ group: 'PII-Access', label: 'personal data', level: 5 }],
    });
  });
});

describe('groupReach: privileged groups', () => {
  const domainAdmins = group({
    name: 'Domain Admins',
    sid: `${DOMAIN_SID}-512`,
    dn: 'CN=Domain Admins,CN=Users,DC=corp,DC=example',
  });
  const tier0 = group({ name: 'Tier0-Admins' });
  const printOps = group({ name: 'Print Operators', sid: 'S-1-5-32-550' });

  it('turns the stored paths into privileged memberships, the most severe first', () => {
    const x = account({ samAccountName: 'svc-x' });
    const result = reach({
      accounts: [x],
      groups: [domainAdmins, tier0, printOps],
      edges: [edge(tier0, x), edge(domainAdmins, tier0), edge(printOps, x)],
      paths: [
        { accountGuid: x.objectGuid, groupGuid: printOps.guid, path: [printOps.guid] },
        { accountGuid: x.objectGuid, groupGuid: domainAdmins.guid, path: [tier0.guid, domainAdmins.guid] },
      ],
    });
    expect(result.get(x.objectGuid)?.privileged).toEqual([
      {
        groupGuid: domainAdmins.guid,
        groupDn: domainAdmins.dn,
        tier: 'critical',
        path: [tier0.guid, domainAdmins.guid],
        pathDns: [tier0.dn, domainAdmins.dn],
        viaPrimaryGroup: false,
      },
      {
        groupGuid: printOps.guid,
        groupDn: printOps.dn,
        tier: 'medium',
        path: [printOps.guid],
        pathDns: [printOps.dn],
        viaPrimaryGroup: false,
      },
    ]);
  });

  it('says when the path starts at the account’s primary group', () => {
    const x = account({ primaryGroupId: 512 });
    const result = reach({
      accounts: [x],
      groups: [domainAdmins],
      edges: [edge(domainAdmins, x)],
      paths: [{ accountGuid: x.objectGuid, groupGuid: domainAdmins.guid, path: [domainAdmins.guid] }],
    });
    expect(result.get(x.objectGuid)?.privileged[0]?.viaPrimaryGroup).toBe(true);
  });

  it('keeps the privileged paths of an account with no edge read', () => {
    const x = account();
    const result = reach({
      accounts: [x],
      groups: [domainAdmins],
      paths: [{ accountGuid: x.objectGuid, groupGuid: domainAdmins.guid, path: [domainAdmins.guid] }],
    });
    expect(result.get(x.objectGuid)).toMatchObject({ groupCount: 0, privileged: [{ tier: 'critical' }] });
  });

  it('ignores paths to groups that are not privileged', () => {
    const x = account();
    const result = reach({
      accounts: [x],
      groups: [tier0],
      edges: [edge(tier0, x)],
      paths: [{ accountGuid: x.objectGuid, groupGuid: tier0.guid, path: [tier0.guid] }],
    });
    expect(result.get(x.objectGuid)?.privileged).toEqual([]);
  });
});
