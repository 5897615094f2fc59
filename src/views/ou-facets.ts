import { parentDn } from '../inventory/entry-fields';
import type { AccountAssessment, Assessment } from '../risk';

/** An OU (or container) as the Inventory's OU filter offers it. */
export interface OuFacet {
  dn: string;
  /** Its path from the domain down, as AD's canonical names read: `Corp/People/Sales`. */
  path: string;
  /** Accounts in it or in any OU below it. */
  accounts: number;
}

/** The value of an RDN (`OU=Sales` gives `Sales`), escapes removed. */
function rdnValue(rdn: string): string {
  const at = rdn.indexOf('=');
  return rdn
    .slice(at + 1)
    .trim()
    .replace(/\\(.)/g, '$1');
}

/** The RDNs of a DN, split at unescaped commas. */
function rdnsOf(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn.charAt(index);
    if (char === '\\') {
      current += char + dn.charAt(index + 1);
      index += 1;
    } else if (char === ',') {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== '');
}

/** `OU=Sales,OU=People,OU=Corp,DC=corp,DC=example,DC=test` reads `Corp/People/Sales`; the domain's DC parts are left out. */
export function ouPath(dn: string): string {
  const names = rdnsOf(dn)
    .filter((rdn) => !/^dc\s*=/i.test(rdn))
    .map(rdnValue)
    .reverse();
  return names.length === 0 ? dn : names.join('/');
}

/** Whether an account sits in the OU (its DN compared without case) or anywhere below it. */
export function isUnder(account: Pick<AccountAssessment, 'ou'>, ouDn: string): boolean {
  const ou = account.ou?.toLowerCase();
  if (ou === undefined) return false;
  const wanted = ouDn.trim().toLowerCase();
  return ou === wanted || ou.endsWith(`,${wanted}`);
}

const facetsOf = new WeakMap<Assessment, readonly OuFacet[]>();

/** Every OU and container holding accounts, with how many are in it or below, in path order. */
export function ouFacets(assessment: Assessment): readonly OuFacet[] {
  const known = facetsOf.get(assessment);
  if (known !== undefined) return known;
  const counts = new Map<string, { dn: string; accounts: number }>();
  for (const account of assessment.accounts) {
    // Up from the account's own OU to the domain root, which is not an OU to filter on.
    for (let dn = account.ou; dn !== null && !/^dc\s*=/i.test(dn); dn = parentDn(dn)) {
      const key = dn.toLowerCase();
      const entry = counts.get(key);
      if (entry === undefined) counts.set(key, { dn, accounts: 1 });
      else entry.accounts += 1;
    }
  }
  const facets = [...counts.values()]
    .map((entry) => ({ ...entry, path: ouPath(entry.dn) }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { sensitivity: 'base', numeric: true }));
  facetsOf.set(assessment, facets);
  return facets;
}
