/**
 * What a scan reads from each object. The inventory's mapping reads the same
 * names, from LDAP or from an LDIF file.
 */
export const ACCOUNT_ATTRIBUTES: readonly string[] = [
  'objectGUID',
  'objectSid',
  'objectClass',
  'distinguishedName',
  'sAMAccountName',
  'userPrincipalName',
  'displayName',
  'givenName',
  'sn',
  'mail',
  'proxyAddresses',
  'employeeID',
  'employeeNumber',
  'department',
  'title',
  'manager',
  'managedBy',
  'description',
  'info',
  'userAccountControl',
  'whenCreated',
  'whenChanged',
  'lastLogonTimestamp',
  'pwdLastSet',
  'accountExpires',
  'servicePrincipalName',
  'primaryGroupID',
  'adminCount',
  'msDS-SupportedEncryptionTypes',
  'msDS-AllowedToDelegateTo',
  'userWorkstations',
  'uSNChanged',
];

/** AD returns at most 1,500 values of a multi-valued attribute per read (MaxValRange). */
export const MEMBER_RANGE_SIZE = 1500;

/** The first range of `member` is asked for explicitly, so AD and Samba answer in the same ranged form. */
export const GROUP_ATTRIBUTES: readonly string[] = [
  'objectGUID',
  'objectSid',
  'objectClass',
  'distinguishedName',
  'sAMAccountName',
  'description',
  'groupType',
  'adminCount',
  'managedBy',
  'uSNChanged',
  `member;range=0-${MEMBER_RANGE_SIZE - 1}`,
];

/** Delegated MSAs exist from Windows Server 2025 on; elsewhere the category is unknown and matches nothing. */
export const DELEGATED_MSA_FILTER = '(objectCategory=msDS-DelegatedManagedServiceAccount)';

export const GROUP_FILTER = '(objectClass=group)';
