import { dnKey } from '../inventory/group-graph';
import type { AssessmentAccount } from '../store';

function normalizedGuid(text: string): string {
  return text
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
}

/**
 * The accounts the references name, each once, in the order given: an
 * objectGUID (with or without braces), a DN or a sAMAccountName, compared
 * without case as AD compares them (DNs in their normal form).
 */
export function resolveAccountReferences(
  accounts: readonly AssessmentAccount[],
  references: readonly string[],
): { found: { reference: string; account: AssessmentAccount }[]; missing: string[] } {
  const byGuid = new Map(accounts.map((account) => [account.objectGuid.toLowerCase(), account]));
  const bySam = new Map(accounts.map((account) => [account.samAccountName.toLowerCase(), account]));
  let byDn: Map<string, AssessmentAccount> | undefined;
  const found: { reference: string; account: AssessmentAccount }[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const reference of references) {
    let account = byGuid.get(normalizedGuid(reference)) ?? bySam.get(reference.trim().toLowerCase());
    if (account === undefined && reference.includes('=')) {
      byDn ??= new Map(accounts.map((candidate) => [dnKey(candidate.dn), candidate]));
      account = byDn.get(dnKey(reference));
    }
    if (account === undefined) {
      missing.push(reference);
    } else if (!seen.has(account.objectGuid)) {
      seen.add(account.objectGuid);
      found.push({ reference, account });
    }
  }
  return { found, missing };
}
