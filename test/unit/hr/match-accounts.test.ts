import { describe, expect, it } from 'vitest';
import { indexDecisions, type MatchDecision } from '../../../src/hr/match-decisions';
import { matchAccounts, type MatchOptions } from '../../../src/hr/match-accounts';
import type { AccountForMatching, HrPerson } from '../../../src/hr/match-input';
import { account, DISABLED, NOW, person } from './people';

const OPTIONS: MatchOptions = { now: NOW, fuzzyNameThreshold: 0.92 };

function only(accounts: AccountForMatching[], people: HrPerson[], options: Partial<MatchOptions> = {}) {
  const result = matchAccounts(accounts, people, { ...OPTIONS, ...options });
  return { ...result, first: result.accounts[0] ?? expect.unreachable() };
}

describe('exact rules', () => {
  it('matches employeeID, case-insensitively, and says which attribute matched which row', () => {
    const jane = person({ employeeId: 'E1001', email: 'other@corp.test' });
    const { first } = only([account({ samAccountName: 'jdoe', employeeId: ' e1001 ' })], [jane]);
    expect(first).toMatchObject({
      outcome: 'matched',
      rule: 'employee-id',
      person: { employeeId: 'E1001', rowNumber: jane.rowNumber, attribute: 'employeeID', value: ' e1001 ' },
    });
    expect(first.reason).toContain(`HR row ${jane.rowNumber}`);
  });

  it('matches employeeNumber too', () => {
    const { first } = only([account({ samAccountName: 'x', employeeNumber: '77' })], [person({ employeeId: '77' })]);
    expect(first).toMatchObject({ rule: 'employee-id', person: { attribute: 'employeeNumber' } });
  });

  it('tries e-mail against mail, userPrincipalName and SMTP proxyAddresses, case-insensitively', () => {
    const people = [
      person({ employeeId: 'A', email: 'Ann.Lee@corp.test' }),
      person({ employeeId: 'B', email: 'bob@corp.test' }),
      person({ employeeId: 'C', email: 'carl.alias@corp.test' }),
    ];
    const result = matchAccounts(
      [
        account({ samAccountName: 'alee', mail: 'ann.lee@CORP.test' }),
        account({ samAccountName: 'bob', upn: 'BOB@corp.test' }),
        account({ samAccountName: 'carl', proxyAddresses: ['SMTP:carl@corp.test', 'smtp:Carl.Alias@corp.test'] }),
        account({ samAccountName: 'x500', proxyAddresses: ['X500:carl.alias@corp.test'] }),
      ],
      people,
      OPTIONS,
    );
    expect(result.accounts.map((a) => [a.rule, a.person?.employeeId, a.person?.attribute])).toEqual([
      ['email', 'A', 'mail'],
      ['email', 'B', 'userPrincipalName'],
      ['email', 'C', 'proxyAddresses'],
      [null, undefined, undefined],
    ]);
  });

  it('matches the user name against sAMAccountName', () => {
    const { first } = only([account({ samAccountName: 'JSmith' })], [person({ employeeId: 'E9', username: 'jsmith' })]);
    expect(first).toMatchObject({ outcome: 'matched', rule: 'username', person: { attribute: 'sAMAccountName' } });
  });

  it('lets the first rule that finds anyone decide', () => {
    const byId = person({ employeeId: 'E1' });
    const byMail = person({ employeeId: 'E2', email: 'a@corp.test' });
    const { first } = only([account({ samAccountName: 'a', employeeId: 'E1', mail: 'a@corp.test' })], [byId, byMail]);
    expect(first).toMatchObject({ rule: 'employee-id', person: { employeeId: 'E1' } });
  });

  it('calls a rule that finds several people ambiguous, listing them', () => {
    const people = [
      person({ employeeId: 'E1', email: 'shared@corp.test' }),
      person({ employeeId: 'E2', email: 'shared@corp.test' }),
    ];
    const { first, employees } = only([account({ samAccountName: 'shared', mail: 'shared@corp.test' })], people);
    expect(first.outcome).toBe('ambiguous');
    expect(first.rule).toBe('email');
    expect(first.candidates.map((c) => c.employeeId)).toEqual(['E1', 'E2']);
    expect(employees).toEqual([]);
  });
});

describe('outcomes', () => {
  it('tells leavers by status or past end date, and disabled accounts apart', () => {
    const people = [
      person({ employeeId: 'active' }),
      person({ employeeId: 'terminated', status: 'terminated', rawStatus: 'Terminated' }),
      person({ employeeId: 'inactive', status: 'inactive', rawStatus: 'Inactive' }),
      person({ employeeId: 'ended', endDate: '2025-06-14' }),
      person({ employeeId: 'ends-today', endDate: '2025-06-15' }),
      person({ employeeId: 'on-leave', status: 'leave' }),
      person({ employeeId: 'gone-disabled', status: 'terminated' }),
      person({ employeeId: 'active-disabled' }),
    ];
    const accounts = people.map((p) =>
      account({
        samAccountName: p.employeeId ?? '',
        employeeId: p.employeeId,
        userAccountControl: p.employeeId?.endsWith('disabled') ? DISABLED : 512,
      }),
    );
    const result = matchAccounts(accounts, people, OPTIONS);
    expect(Object.fromEntries(result.accounts.map((a) => [a.samAccountName, a.outcome]))).toEqual({
      active: 'matched',
      terminated: 'leaver',
      inactive: 'leaver',
      ended: 'leaver',
      'ends-today': 'matched',
      'on-leave': 'matched',
      'gone-disabled': 'matched-disabled',
      'active-disabled': 'matched-disabled',
    });
    expect(result.accounts[1]?.reason).toContain('HR status "Terminated"');
    expect(result.accounts[3]?.reason).toContain('end date 2025-06-14 has passed');
  });

  it('leaves an account nobody matches as none, and lists employees without an account', () => {
    const alone = person({ employeeId: 'E5', firstName: 'Nadia', lastName: 'Quist' });
    const result = matchAccounts(
      [account({ samAccountName: 'svc-backup', displayName: 'Backup service' })],
      [alone],
      OPTIONS,
    );
    expect(result.accounts[0]).toMatchObject({ outcome: 'none', rule: null, person: null });
    expect(result.employees).toEqual([
      { employeeId: 'E5', rowNumber: alone.rowNumber, name: 'Nadia Quist', status: 'active', outcome: 'no-account' },
    ]);
  });
});

describe('fuzzy names', () => {
  it('gives probable, never matched, for a name alone, in any order and with accents', () => {
    const jose = person({ employeeId: 'E7', firstName: 'José', lastName: 'Núñez' });
    const result = matchAccounts(
      [
        account({ samAccountName: 'jn1', givenName: 'Jose', sn: 'Nunez' }),
        account({ samAccountName: 'jn2', displayName: 'NUNEZ, JOSE' }),
        account({ samAccountName: 'jn3', displayName: 'Nunez Jose (ext)' }),
      ],
      [jose],
      OPTIONS,
    );
    for (const result_ of result.accounts) {
      expect(result_).toMatchObject({
        outcome: 'probable',
        rule: 'fuzzy-name',
        person: { employeeId: 'E7', score: 1 },
      });
    }
    expect(result.employees).toEqual([]);
  });

  it('respects the threshold', () => {
    const jon = [account({ samAccountName: 'jon', givenName: 'Jon', sn: 'Smith' })];
    const john = [person({ employeeId: 'E8', firstName: 'John', lastName: 'Smith' })];
    expect(matchAccounts(jon, john, { ...OPTIONS, fuzzyNameThreshold: 0.9 }).accounts[0]?.outcome).toBe('probable');
    expect(matchAccounts(jon, john, { ...OPTIONS, fuzzyNameThreshold: 0.99 }).accounts[0]?.outcome).toBe('none');
  });

  it('calls two people with the same name ambiguous, and prefers an exact name over a close one', () => {
    const twins = [person({ firstName: 'Ann', lastName: 'Lee' }), person({ firstName: 'Ann', lastName: 'Lee' })];
    expect(only([account({ samAccountName: 'al', displayName: 'Ann Lee' })], twins).first.outcome).toBe('ambiguous');
    const near = [
      person({ employeeId: 'JOHN', firstName: 'John', lastName: 'Smith' }),
      person({ employeeId: 'JOAN', firstName: 'Joan', lastName: 'Smith' }),
    ];
    const { first } = only([account({ samAccountName: 'js', displayName: 'John Smith' })], near);
    expect(first).toMatchObject({ outcome: 'probable', person: { employeeId: 'JOHN' } });
  });

  it('never compares single-word names', () => {
    const { first } = only(
      [account({ samAccountName: 'atlas', displayName: 'Atlas' })],
      [person({ displayName: 'Atlas' })],
    );
    expect(first.outcome).toBe('none');
  });
});

describe('secondary accounts', () => {
  const dana = () => person({ employeeId: 'E3', email: 'dana@corp.test', firstName: 'Dana', lastName: 'Whitfield' });

  it('links an admin account named after a matched one to the same person', () => {
    const hr = dana();
    const primary = account({
      samAccountName: 'dwhitfield',
      mail: 'dana@corp.test',
      givenName: 'Dana',
      sn: 'Whitfield',
    });
    const names = ['adm-dwhitfield', 'admin_dwhitfield', 'dwhitfield-adm', 'dwhitfield.admin'];
    const result = matchAccounts(
      [primary, ...names.map((samAccountName) => account({ samAccountName }))],
      [hr],
      OPTIONS,
    );
    for (const secondary of result.accounts.slice(1)) {
      expect(secondary).toMatchObject({
        outcome: 'matched',
        rule: 'secondary-naming',
        secondaryOf: primary.objectGuid,
        person: { employeeId: 'E3' },
      });
    }
  });

  it('links an account managed by a matched one that bears the same name, and not one with another name', () => {
    const hr = dana();
    const primary = account({
      samAccountName: 'dwhitfield',
      mail: 'dana@corp.test',
      dn: 'CN=Dana Whitfield,OU=People,DC=corp',
    });
    const own = account({
      samAccountName: 'dana-test',
      displayName: 'Dana Whitfield',
      managerDn: 'cn=dana whitfield,ou=people,dc=corp',
    });
    const report = account({ samAccountName: 'svc-report', displayName: 'Report Runner', managerDn: primary.dn });
    const result = matchAccounts([primary, own, report], [hr], { ...OPTIONS, fuzzyNameThreshold: 1 });
    expect(result.accounts[1]).toMatchObject({ rule: 'secondary-manager', secondaryOf: primary.objectGuid });
    expect(result.accounts[2]).toMatchObject({ outcome: 'none', secondaryOf: null });
  });

  it('keeps the leaver outcome on an enabled admin account of a leaver', () => {
    const hr = person({ employeeId: 'E4', status: 'terminated', email: 'gone@corp.test' });
    const primary = account({ samAccountName: 'gone', mail: 'gone@corp.test', userAccountControl: DISABLED });
    const result = matchAccounts([primary, account({ samAccountName: 'adm-gone' })], [hr], OPTIONS);
    expect(result.accounts.map((a) => a.outcome)).toEqual(['matched-disabled', 'leaver']);
  });

  it('marks the admin-named one of two accounts matched to one person as the secondary', () => {
    const hr = person({ employeeId: 'E6', email: 'kim@corp.test' });
    const admin = account({ samAccountName: 'adm-kim', employeeId: 'E6' });
    const primary = account({ samAccountName: 'kim', mail: 'kim@corp.test' });
    const result = matchAccounts([admin, primary], [hr], OPTIONS);
    expect(result.accounts[0]).toMatchObject({ rule: 'employee-id', secondaryOf: primary.objectGuid });
    expect(result.accounts[1]).toMatchObject({ rule: 'email', secondaryOf: null });
  });

  it('does not link an admin-named account to an account nobody matched', () => {
    const result = matchAccounts(
      [account({ samAccountName: 'svc' }), account({ samAccountName: 'adm-svc' })],
      [],
      OPTIONS,
    );
    expect(result.accounts.map((a) => a.outcome)).toEqual(['none', 'none']);
  });
});

describe('decisions', () => {
  const decision = (fields: Partial<MatchDecision> & Pick<MatchDecision, 'accountGuid' | 'kind'>): MatchDecision => ({
    employeeId: null,
    reason: 'checked with the team',
    actor: 'alice',
    decidedAt: '2025-06-01T00:00:00.000Z',
    ...fields,
  });

  it('a confirmed match stands above every rule', () => {
    const a = account({ samAccountName: 'x', employeeId: 'E1' });
    const people = [person({ employeeId: 'E1' }), person({ employeeId: 'E2', status: 'terminated' })];
    const decisions = indexDecisions([
      decision({ accountGuid: a.objectGuid.toUpperCase(), kind: 'confirm', employeeId: 'e2' }),
    ]);
    const { first } = only([a], people, { decisions });
    expect(first).toMatchObject({
      outcome: 'leaver',
      rule: 'decision',
      decided: 'confirmed',
      person: { employeeId: 'E2' },
    });
    expect(first.reason).toContain('alice');
  });

  it('a confirmation of an employee no longer on the list falls back to the rules, and says so', () => {
    const a = account({ samAccountName: 'x', employeeId: 'E1' });
    const decisions = indexDecisions([decision({ accountGuid: a.objectGuid, kind: 'confirm', employeeId: 'E404' })]);
    const { first } = only([a], [person({ employeeId: 'E1' })], { decisions });
    expect(first).toMatchObject({ outcome: 'matched', rule: 'employee-id', decided: null });
    expect(first.reason).toContain('the confirmation as employee E404 does not apply');
  });

  it('a rejected pair never matches again, by any rule', () => {
    const a = account({ samAccountName: 'x', employeeId: 'E1', displayName: 'Ann Lee' });
    const people = [person({ employeeId: 'E1', firstName: 'Ann', lastName: 'Lee', email: 'ann@corp.test' })];
    const decisions = indexDecisions([decision({ accountGuid: a.objectGuid, kind: 'reject', employeeId: 'E1' })]);
    const { first, employees } = only([a], people, { decisions });
    expect(first.outcome).toBe('none');
    expect(employees).toHaveLength(1);
  });

  it('an account marked NHI matches no one; one marked human without a match is human', () => {
    const matched = account({ samAccountName: 'x', employeeId: 'E1' });
    const lonely = account({ samAccountName: 'ext-bob' });
    const probable = account({ samAccountName: 'p', displayName: 'Ann Lee' });
    const people = [person({ employeeId: 'E1' }), person({ employeeId: 'E2', firstName: 'Ann', lastName: 'Lee' })];
    const decisions = indexDecisions([
      decision({ accountGuid: matched.objectGuid, kind: 'nhi' }),
      decision({ accountGuid: lonely.objectGuid, kind: 'human' }),
      decision({ accountGuid: probable.objectGuid, kind: 'human' }),
    ]);
    const result = matchAccounts([matched, lonely, probable], people, { ...OPTIONS, decisions });
    expect(result.accounts.map((a) => [a.outcome, a.rule, a.decided])).toEqual([
      ['none', 'decision', 'nhi'],
      ['human', 'decision', 'human'],
      ['probable', 'fuzzy-name', 'human'],
    ]);
    expect(result.employees.map((e) => e.employeeId)).toEqual(['E1']);
  });

  it('the later of two identity decisions counts', () => {
    const a = account({ samAccountName: 'x' });
    const decisions = indexDecisions([
      decision({ accountGuid: a.objectGuid, kind: 'nhi', decidedAt: '2025-06-02T00:00:00Z' }),
      decision({ accountGuid: a.objectGuid, kind: 'human', decidedAt: '2025-06-01T00:00:00Z' }),
    ]);
    expect(only([a], [], { decisions }).first.decided).toBe('nhi');
  });
});
