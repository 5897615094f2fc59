/**
 * The one test domain every template is provisioned with. Tests assert against
 * these names, so they are fixed rather than generated.
 */
export const REALM = 'CORP.EXAMPLE.TEST';
export const DNS_DOMAIN = 'corp.example.test';
export const NETBIOS_DOMAIN = 'CORP';
export const BASE_DN = 'DC=corp,DC=example,DC=test';
export const DC_HOST_NAME = 'dc1';
export const DC_FQDN = `${DC_HOST_NAME}.${DNS_DOMAIN}`;

export const ADMIN_PASSWORD = 'Passw0rd!Test';
export const ADMIN_DN = `CN=Administrator,CN=Users,${BASE_DN}`;
export const ADMIN_UPN = `Administrator@${DNS_DOMAIN}`;

/** The filter ad-checks.md gives for the accounts Warden reads: people, service accounts, gMSAs and sMSAs. */
export const ACCOUNT_FILTER =
  '(|(&(objectClass=user)(objectCategory=person))(objectCategory=msDS-GroupManagedServiceAccount)(objectCategory=msDS-ManagedServiceAccount))';
