import { commonNameOf, type PrivilegedMembership, type PrivilegedTier } from '../../inventory/privileged-groups';
import type { AccountFacts } from '../facts';
import type { Evidence } from './rule';

function describePath(membership: PrivilegedMembership, samAccountName: string): string {
  const names = membership.pathDns.map((dn) => commonNameOf(dn) ?? dn);
  const via = membership.viaPrimaryGroup ? ' (as its primary group)' : '';
  return [samAccountName, ...names].join(' → ') + via;
}

/** The evidence of the privileged groups of one tier the account reaches, each with its path. */
export function privilegedEvidence(facts: AccountFacts, tier: PrivilegedTier): Evidence | undefined {
  const memberships = facts.privileged.filter((membership) => membership.tier === tier);
  const first = memberships[0];
  if (first === undefined) return undefined;
  const paths = memberships.map((membership) => describePath(membership, facts.account.samAccountName));
  const nested = memberships.some((membership) => membership.path.length > 1);
  return {
    summary: `member of ${memberships.length} ${tier} privileged group(s)${nested ? ' through nesting' : ''}: ${paths[0]}`,
    details: { groups: memberships.map((membership) => membership.groupDn), paths },
  };
}
