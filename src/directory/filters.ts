/**
 * Every filter that carries a value from outside (a name typed by a user, a
 * row of an HR file) must be built with escapeFilter:
 *   escapeFilter`(sAMAccountName=${name})`
 * which escapes `*`, `(`, `)`, `\` and NUL in the value.
 */
export { escapeFilter } from 'ldapts';

/** People, service accounts, gMSAs and sMSAs: gMSAs and sMSAs do not match objectCategory=person. */
export const ACCOUNT_FILTER =
  '(|(&(objectClass=user)(objectCategory=person))(objectCategory=msDS-GroupManagedServiceAccount)(objectCategory=msDS-ManagedServiceAccount))';
