import type { AccountForMatching } from './match-input';

/** The account attribute an exact rule compared, as an administrator would look it up. */
export type KeyAttribute =
  'employeeID' | 'employeeNumber' | 'mail' | 'userPrincipalName' | 'proxyAddresses' | 'sAMAccountName';

export interface AccountKey {
  attribute: KeyAttribute;
  /** The value as the account holds it, for the explanation. */
  value: string;
  /** The value as it is compared. */
  key: string;
}

/** Identifiers, addresses and user names compare without surrounding blanks and, as AD compares them, without case. */
export function normalizeKey(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const key = value.trim().toLowerCase();
  return key.length === 0 ? undefined : key;
}

function addKey(keys: AccountKey[], attribute: KeyAttribute, value: string | null, key = normalizeKey(value)): void {
  if (value !== null && key !== undefined) keys.push({ attribute, value, key });
}

export function employeeIdKeys(account: AccountForMatching): AccountKey[] {
  const keys: AccountKey[] = [];
  addKey(keys, 'employeeID', account.employeeId);
  addKey(keys, 'employeeNumber', account.employeeNumber);
  return keys;
}

/** Only SMTP entries of proxyAddresses are mail addresses; "SMTP:" marks the primary one, "smtp:" an alias. */
const SMTP_PREFIX = /^smtp:/i;

export function emailKeys(account: AccountForMatching): AccountKey[] {
  const keys: AccountKey[] = [];
  addKey(keys, 'mail', account.mail);
  addKey(keys, 'userPrincipalName', account.upn);
  for (const address of account.proxyAddresses) {
    if (SMTP_PREFIX.test(address)) addKey(keys, 'proxyAddresses', address, normalizeKey(address.slice(5)));
  }
  return keys;
}

export function usernameKeys(account: AccountForMatching): AccountKey[] {
  const keys: AccountKey[] = [];
  addKey(keys, 'sAMAccountName', account.samAccountName);
  return keys;
}
