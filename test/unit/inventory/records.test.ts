import { describe, expect, it } from 'vitest';
import { ACCOUNT_ATTRIBUTES, AttributeValueError, decodeGuid, encodeGuid } from '../../../src/directory';
import { accountRecord, entryKind, groupRecord, membershipRows, parentDn } from '../../../src/inventory';
import { DOMAIN_SID, groupEntry, sidBytes, userEntry } from './entries';

describe('accountRecord', () => {
  it('maps every attribute of a service account, decoding binary and time values', () => {
    const entry = userEntry('svc-sql', {
      userPrincipalName: 'svc-sql@corp.example.test',
      displayName: 'SQL service',
      givenName: 'SQL',
      sn: 'Service',
      mail: 'svc-sql@corp.example.test',
      proxyAddresses: ['SMTP:svc-sql@corp.example.test', 'smtp:sql@corp.example.test'],
      employeeID: 'E1',
      employeeNumber: '42',
      department: 'IT',
      title: 'Service',
      manager: 'CN=Jane Doe,OU=People,DC=corp,DC=example,DC=test',
      description: 'SQL Server',
      info: 'owner: DBA team',
      whenChanged: '20250102030405.0Z',
      lastLogonTimestamp: '132539328000000000',
      servicePrincipalName: ['MSSQLSvc/db1.corp.example.test:1433', 'MSSQLSvc/db1'],
      adminCount: '1',
      'msDS-SupportedEncryptionTypes': '24',
      'msDS-AllowedToDelegateTo': ['cifs/fs1'],
      userWorkstations: 'DB1,DB2',
      uSNChanged: '5543',
    });
    const record = accountRecord(entry);
    expect(record).toMatchObject({
      kind: 'user',
      objectGuid: decodeGuid(entry['objectGUID'] as Buffer),
      samAccountName: 'svc-sql',
      upn: 'svc-sql@corp.example.test',
      displayName: 'SQL service',
      givenName: 'SQL',
      sn: 'Service',
      mail: 'svc-sql@corp.example.test',
      proxyAddresses: ['SMTP:svc-sql@corp.example.test', 'smtp:sql@corp.example.test'],
      employeeId: 'E1',
      employeeNumber: '42',
      department: 'IT',
      title: 'Service',
      managerDn: 'CN=Jane Doe,OU=People,DC=corp,DC=example,DC=test',
      description: 'SQL Server',
      info: 'owner: DBA team',
      dn: 'CN=svc-sql,OU=Service,OU=Corp,DC=corp,DC=example,DC=test',
      ou: 'OU=Service,OU=Corp,DC=corp,DC=example,DC=test',
      objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
      userAccountControl: 66048,
      uacFlags: ['NORMAL_ACCOUNT', 'DONT_EXPIRE_PASSWORD'],
      whenCreated: '2025-01-01T12:00:00.000Z',
      whenChanged: '2025-01-02T03:04:05.000Z',
      lastLogonTimestamp: '2021-01-01T00:00:00.000Z',
      pwdLastSet: '2024-03-01T00:00:00.000Z',
      accountExpires: null,
      spns: ['MSSQLSvc/db1.corp.example.test:1433', 'MSSQLSvc/db1'],
      primaryGroupId: 513,
      adminCount: 1,
      supportedEncryptionTypes: 24,
      allowedToDelegateTo: ['cifs/fs1'],
      userWorkstations: 'DB1,DB2',
      usnChanged: 5543,
    });
    expect(record.sid).toMatch(new RegExp(`^${DOMAIN_SID}-\\d+$`));
    expect(record.objectGuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('keeps absent attributes null or empty: a never-logged-on account is counted, not skipped', () => {
    const record = accountRecord(userEntry('bot-x', { pwdLastSet: '0', accountExpires: '0' }));
    expect(record).toMatchObject({
      lastLogonTimestamp: null,
      pwdLastSet: null,
      accountExpires: null,
      mail: null,
      managerDn: null,
      managedBy: null,
      spns: [],
      proxyAddresses: [],
      allowedToDelegateTo: [],
      adminCount: null,
    });
  });

  it('reads attribute names in any letter case, as servers may answer', () => {
    const entry = userEntry('svc-a', { samaccountname: 'svc-a', useraccountcontrol: '514' });
    delete entry['sAMAccountName'];
    delete entry['userAccountControl'];
    expect(accountRecord(entry)).toMatchObject({
      samAccountName: 'svc-a',
      uacFlags: ['ACCOUNTDISABLE', 'NORMAL_ACCOUNT'],
    });
  });

  it('accepts GUIDs and SIDs already in text form (some LDIF exports)', () => {
    const entry = userEntry('svc-b', {
      objectGUID: 'D9E733F3-F911-4293-9D57-D163AA3363D1',
      objectSid: `${DOMAIN_SID}-500`,
    });
    expect(accountRecord(entry)).toMatchObject({
      objectGuid: 'd9e733f3-f911-4293-9d57-d163aa3363d1',
      sid: `${DOMAIN_SID}-500`,
    });
  });

  it('tells the kinds of managed service accounts apart', () => {
    const gmsa = userEntry('gmsa-sql$', {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer', 'msDS-GroupManagedServiceAccount'],
      userAccountControl: '4096',
    });
    expect(accountRecord(gmsa)).toMatchObject({ kind: 'gmsa', uacFlags: ['WORKSTATION_TRUST_ACCOUNT'] });
    const smsa = userEntry('smsa$', { objectClass: ['top', 'user', 'computer', 'msDS-ManagedServiceAccount'] });
    expect(accountRecord(smsa).kind).toBe('smsa');
  });

  it('keeps the owner a managed service account names in managedBy, apart from manager', () => {
    const owner = "CN=O'Brien\\, Sean,OU=People,DC=corp,DC=example,DC=test";
    const gmsa = userEntry('gmsa-sql$', {
      objectClass: ['top', 'person', 'organizationalPerson', 'user', 'computer', 'msDS-GroupManagedServiceAccount'],
      managedBy: owner,
    });
    expect(accountRecord(gmsa)).toMatchObject({ kind: 'gmsa', managedBy: owner, managerDn: null });
    const dmsa = userEntry('dmsa-web$', {
      objectClass: ['top', 'user', 'computer', 'msDS-DelegatedManagedServiceAccount'],
      // Servers may answer with the attribute name in another letter case.
      managedby: owner,
    });
    expect(accountRecord(dmsa)).toMatchObject({ kind: 'dmsa', managedBy: owner });
    expect(ACCOUNT_ATTRIBUTES).toEqual(expect.arrayContaining(['manager', 'managedBy']));
  });

  it('names the attribute and the object when a value is malformed or missing', () => {
    const badSid = userEntry('svc-c', { objectSid: Buffer.alloc(5) });
    expect(() => accountRecord(badSid)).toThrow(AttributeValueError);
    const badTime = userEntry('svc-d', { pwdLastSet: 'soon' });
    const error = (() => {
      try {
        accountRecord(badTime);
      } catch (caught) {
        return caught as AttributeValueError;
      }
      throw new Error('expected an error');
    })();
    expect(error.details).toMatchObject({ attribute: 'pwdLastSet', dn: badTime.dn });
    const noGuid = userEntry('svc-e');
    delete noGuid['objectGUID'];
    expect(() => accountRecord(noGuid)).toThrow(/objectGUID value is missing/);
  });
});

describe('groupRecord', () => {
  it('maps a group with its members and a negative groupType', () => {
    const entry = groupEntry('Tier0-Admins', ['CN=a,DC=x', 'CN=b,DC=x'], 1200, {
      description: 'Tier 0',
      adminCount: '1',
      managedBy: 'CN=Jane,DC=x',
      uSNChanged: '77',
    });
    const record = groupRecord(entry);
    expect(record).toMatchObject({
      objectGuid: decodeGuid(entry['objectGUID'] as Buffer),
      sid: `${DOMAIN_SID}-1200`,
      samAccountName: 'Tier0-Admins',
      dn: entry.dn,
      description: 'Tier 0',
      groupType: -2147483646,
      adminCount: 1,
      managedBy: 'CN=Jane,DC=x',
      usnChanged: 77,
      memberDns: ['CN=a,DC=x', 'CN=b,DC=x'],
    });
  });

  it('lists each member once, whatever its letter case', () => {
    const record = groupRecord(groupEntry('G', ['CN=a,DC=x', 'cn=A,dc=x', 'CN=b,DC=x'], 1201));
    expect(membershipRows(record)).toEqual([
      { groupGuid: record.objectGuid, memberDn: 'CN=a,DC=x' },
      { groupGuid: record.objectGuid, memberDn: 'CN=b,DC=x' },
    ]);
  });

  it('has no members when the attribute is absent', () => {
    const entry = groupEntry('Empty', [], 1202);
    delete entry['member'];
    expect(groupRecord(entry).memberDns).toEqual([]);
  });
});

describe('entryKind', () => {
  it('sorts users, managed service accounts and groups, and skips everything else', () => {
    expect(entryKind(userEntry('u'))).toBe('user');
    expect(entryKind(groupEntry('g', [], 1300))).toBe('group');
    expect(entryKind({ dn: 'CN=PC1', objectClass: ['top', 'user', 'computer'] })).toBeUndefined();
    expect(entryKind({ dn: 'CN=c', objectClass: ['top', 'person', 'contact'] })).toBeUndefined();
    expect(entryKind({ dn: 'CN=d', objectClass: ['msDS-DelegatedManagedServiceAccount', 'computer', 'user'] })).toBe(
      'dmsa',
    );
    expect(entryKind({ dn: 'OU=x', objectClass: 'organizationalUnit' })).toBeUndefined();
  });
});

describe('parentDn', () => {
  it('cuts at the first comma that is not escaped', () => {
    expect(parentDn("CN=O'Brien\\, Sean,OU=People,DC=x")).toBe('OU=People,DC=x');
    expect(parentDn('CN=Build*)(Agent,OU=Bots,DC=x')).toBe('OU=Bots,DC=x');
    expect(parentDn('DC=x')).toBeNull();
  });
});

describe('test entries', () => {
  it('round-trip their binary values', () => {
    expect(decodeGuid(encodeGuid('01020304-0506-0708-090a-0b0c0d0e0f10'))).toBe('01020304-0506-0708-090a-0b0c0d0e0f10');
    expect(sidBytes('S-1-5-32-544').length).toBe(16);
  });
});
