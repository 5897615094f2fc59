import { uacFlagNames, type DirectoryEntry, type UacFlag } from '../directory';
import type { SnapshotAccount } from '../store';
import { entryKind, type AccountKind } from './entry-kind';
import { fileTime, generalizedTime, guid, integer, parentDn, required, sid, text, texts } from './entry-fields';

/** An account as the inventory sees it: what the snapshot stores, plus what is derived on the way. */
export interface AccountRecord extends SnapshotAccount {
  kind: AccountKind;
  /** Names of the userAccountControl bits set, e.g. ["NORMAL_ACCOUNT", "DONT_EXPIRE_PASSWORD"]. */
  uacFlags: UacFlag[];
}

/**
 * One account entry (from searchPaged or an LDIF reader) as an inventory
 * record. A pure function of the entry.
 */
export function accountRecord(entry: DirectoryEntry): AccountRecord {
  const userAccountControl = integer(entry, 'userAccountControl');
  const kind = entryKind(entry);
  return {
    kind: kind === undefined || kind === 'group' ? 'user' : kind,
    objectGuid: required(entry, 'objectGUID', guid(entry, 'objectGUID')),
    sid: sid(entry, 'objectSid'),
    samAccountName: required(entry, 'sAMAccountName', text(entry, 'sAMAccountName')),
    upn: text(entry, 'userPrincipalName'),
    displayName: text(entry, 'displayName'),
    givenName: text(entry, 'givenName'),
    sn: text(entry, 'sn'),
    mail: text(entry, 'mail'),
    proxyAddresses: texts(entry, 'proxyAddresses'),
    employeeId: text(entry, 'employeeID'),
    employeeNumber: text(entry, 'employeeNumber'),
    department: text(entry, 'department'),
    title: text(entry, 'title'),
    managerDn: text(entry, 'manager'),
    managedBy: text(entry, 'managedBy'),
    description: text(entry, 'description'),
    info: text(entry, 'info'),
    dn: entry.dn,
    ou: parentDn(entry.dn),
    objectClasses: texts(entry, 'objectClass'),
    userAccountControl,
    uacFlags: userAccountControl === null ? [] : uacFlagNames(userAccountControl),
    whenCreated: generalizedTime(entry, 'whenCreated'),
    whenChanged: generalizedTime(entry, 'whenChanged'),
    lastLogonTimestamp: fileTime(entry, 'lastLogonTimestamp'),
    pwdLastSet: fileTime(entry, 'pwdLastSet'),
    accountExpires: fileTime(entry, 'accountExpires'),
    spns: texts(entry, 'servicePrincipalName'),
    primaryGroupId: integer(entry, 'primaryGroupID'),
    adminCount: integer(entry, 'adminCount'),
    supportedEncryptionTypes: integer(entry, 'msDS-SupportedEncryptionTypes'),
    allowedToDelegateTo: texts(entry, 'msDS-AllowedToDelegateTo'),
    userWorkstations: text(entry, 'userWorkstations'),
    usnChanged: integer(entry, 'uSNChanged'),
  };
}
