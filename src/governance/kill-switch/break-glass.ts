import { dnKey } from '../../inventory/group-graph';
import type { AccountState } from './record-schemas';

type Named = Pick<AccountState, 'dn' | 'samAccountName' | 'userPrincipalName' | 'sid'>;

/**
 * The entry of the policy's break-glass list that names this account, if any.
 * An entry is a SID (S-1-…), a DN (it has an `=`), or a name: the
 * sAMAccountName, with or without `DOMAIN\`, or the userPrincipalName.
 * All compared without case, as AD compares them.
 */
export function breakGlassEntryFor(account: Named, breakGlass: readonly string[]): string | undefined {
  const sam = account.samAccountName.toLowerCase();
  const upn = account.userPrincipalName?.toLowerCase();
  const sid = account.sid?.toUpperCase();
  let dn: string | undefined;
  return breakGlass.find((raw) => {
    const entry = raw.trim();
    if (entry === '') return false;
    if (/^S-1-/i.test(entry)) return sid !== undefined && entry.toUpperCase() === sid;
    if (entry.includes('=')) {
      dn ??= dnKey(account.dn);
      return dnKey(entry) === dn;
    }
    const name = entry.toLowerCase();
    const withoutDomain = name.includes('\\') ? name.slice(name.lastIndexOf('\\') + 1) : name;
    return withoutDomain === sam || name === upn;
  });
}
