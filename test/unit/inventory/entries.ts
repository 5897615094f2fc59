import { encodeGuid, isoToFileTime, type DirectoryEntry } from '../../../src/directory';

/** Entries shaped as searchPaged and the LDIF reader yield them: text values, Buffers for binary attributes. */

export function sidBytes(sid: string): Buffer {
  const [, revision, authority, ...subAuthorities] = sid.split('-').map(Number);
  const bytes = Buffer.alloc(8 + subAuthorities.length * 4);
  bytes.writeUInt8(revision ?? 1, 0);
  bytes.writeUInt8(subAuthorities.length, 1);
  bytes.writeUIntBE(authority ?? 5, 2, 6);
  subAuthorities.forEach((value, index) => bytes.writeUInt32LE(value, 8 + index * 4));
  return bytes;
}

export const DOMAIN_SID = 'S-1-5-21-1697119181-3565814187-4250261481';

let counter = 0;
export function nextGuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function userEntry(sam: string, overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  const guid = nextGuid();
  return {
    dn: `CN=${sam},OU=Service,OU=Corp,DC=corp,DC=example,DC=test`,
    objectGUID: encodeGuid(guid),
    objectSid: sidBytes(`${DOMAIN_SID}-${1000 + counter}`),
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    sAMAccountName: sam,
    userAccountControl: '66048',
    primaryGroupID: '513',
    whenCreated: '20250101120000.0Z',
    pwdLastSet: isoToFileTime(new Date('2024-03-01T00:00:00.000Z')),
    accountExpires: '9223372036854775807',
    ...overrides,
  } as DirectoryEntry;
}

export function groupEntry(sam: string, members: string[], rid: number, overrides: Partial<DirectoryEntry> = {}) {
  return {
    dn: `CN=${sam},OU=Groups,OU=Corp,DC=corp,DC=example,DC=test`,
    objectGUID: encodeGuid(nextGuid()),
    objectSid: sidBytes(`${DOMAIN_SID}-${rid}`),
    objectClass: ['top', 'group'],
    sAMAccountName: sam,
    groupType: '-2147483646',
    member: members,
    ...overrides,
  } as DirectoryEntry;
}

export async function* pagesOf(...pages: DirectoryEntry[][]): AsyncGenerator<DirectoryEntry[]> {
  for (const page of pages) yield page;
}

/** alice and svc in App-Admins, App-Admins in Tier0; both have Domain Users (513) as primary group. */
export function nestedDomain() {
  const alice = userEntry('alice');
  const svc = userEntry('svc-app');
  const domainUsers = groupEntry('Domain Users', [], 513);
  const apps = groupEntry('App-Admins', [alice.dn, svc.dn, 'CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=x'], 1500);
  const tier0 = groupEntry('Tier0', [apps.dn], 1501);
  return { alice, svc, domainUsers, apps, tier0 };
}
