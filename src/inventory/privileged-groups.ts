import type { EffectiveMembership } from './effective-membership';
import { dnKey } from './group-graph';

/**
 * Groups whose members hold control over the domain, by well-known SID or RID
 * (ad-checks.md). Critical: full control of the domain or forest. High: a
 * short, documented step to it (log on to DCs, reset passwords, read the
 * NTDS database, write key credentials). Medium: narrower routes.
 */
export type PrivilegedTier = 'critical' | 'high' | 'medium';

export const TIER_ORDER: readonly PrivilegedTier[] = ['critical', 'high', 'medium'];

export interface PrivilegedGroupCandidate {
  guid: string;
  dn: string;
  sid?: string | null;
  samAccountName?: string | null;
}

/** BUILTIN groups: the same SID in every domain. */
const BUILTIN_SIDS: ReadonlyMap<string, PrivilegedTier> = new Map([
  ['S-1-5-32-544', 'critical'], // Administrators
  ['S-1-5-32-548', 'high'], // Account Operators
  ['S-1-5-32-549', 'high'], // Server Operators
  ['S-1-5-32-551', 'high'], // Backup Operators
  ['S-1-5-32-550', 'medium'], // Print Operators
  ['S-1-5-32-552', 'medium'], // Replicator
]);

/** Domain groups, as RIDs relative to this domain's SID. */
const DOMAIN_RIDS: ReadonlyMap<number, PrivilegedTier> = new Map([
  [512, 'critical'], // Domain Admins
  [520, 'medium'], // Group Policy Creator Owners
  [526, 'high'], // Key Admins
]);

/**
 * Forest-wide groups live in the forest root domain, whose SID a child
 * domain's scan may not know; RIDs below 1000 are reserved in every domain,
 * so these RIDs mean the same group under any domain SID.
 */
const FOREST_RIDS: ReadonlyMap<number, PrivilegedTier> = new Map([
  [518, 'critical'], // Schema Admins
  [519, 'critical'], // Enterprise Admins
  [527, 'high'], // Enterprise Key Admins
]);

/** DnsAdmins has no fixed RID (it is created with the DNS server role), so only its name identifies it. */
const PRIVILEGED_NAMES: ReadonlyMap<string, PrivilegedTier> = new Map([['dnsadmins', 'medium']]);

const DOMAIN_SID = /^S-1-5-21-\d+-\d+-\d+-(\d+)$/i;

/** The tier of a privileged group, or undefined for any other group. */
export function privilegedTierOf(group: PrivilegedGroupCandidate, domainSid: string): PrivilegedTier | undefined {
  const sid = group.sid?.toUpperCase();
  if (sid !== undefined) {
    const builtin = BUILTIN_SIDS.get(sid);
    if (builtin !== undefined) return builtin;
    const rid = ridOf(sid);
    if (rid !== undefined) {
      const forest = FOREST_RIDS.get(rid);
      if (forest !== undefined) return forest;
      if (sid === `${domainSid.toUpperCase()}-${rid}`) {
        const domain = DOMAIN_RIDS.get(rid);
        if (domain !== undefined) return domain;
      }
    }
  }
  const name = (group.samAccountName ?? commonNameOf(group.dn))?.toLowerCase();
  return name === undefined ? undefined : PRIVILEGED_NAMES.get(name);
}

function ridOf(sid: string): number | undefined {
  const match = DOMAIN_SID.exec(sid);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The value of the first RDN when it is a CN, for groups read without sAMAccountName. */
export function commonNameOf(dn: string): string | undefined {
  const match = /^\s*cn\s*=\s*((?:\\.|[^,\\])*)/i.exec(dn);
  return match?.[1]?.trim().replace(/\\(.)/g, '$1');
}

export interface PrivilegedMembership {
  groupGuid: string;
  groupDn: string;
  tier: PrivilegedTier;
  /** Group guids from the account's direct group to this group, as in EffectiveMembership. */
  path: readonly string[];
  /** The same path as DNs, for showing "svc-x → App-Admins → Tier0-Admins → Domain Admins". */
  pathDns: readonly string[];
  viaPrimaryGroup: boolean;
}

/**
 * Per account guid, its memberships of privileged groups: the most severe
 * tier first, then the shortest path, then by group DN. Accounts with none
 * are absent from the map.
 */
export function privilegedPaths(
  memberships: Iterable<EffectiveMembership>,
  groups: readonly PrivilegedGroupCandidate[],
  domainSid: string,
): Map<string, PrivilegedMembership[]> {
  const dnByGuid = new Map(groups.map((group) => [group.guid, group.dn]));
  const tierByGuid = new Map<string, PrivilegedTier>();
  for (const group of groups) {
    const tier = privilegedTierOf(group, domainSid);
    if (tier !== undefined) tierByGuid.set(group.guid, tier);
  }

  const result = new Map<string, PrivilegedMembership[]>();
  for (const membership of memberships) {
    const tier = tierByGuid.get(membership.groupGuid);
    if (tier === undefined) continue;
    const entry: PrivilegedMembership = {
      groupGuid: membership.groupGuid,
      groupDn: dnByGuid.get(membership.groupGuid) ?? '',
      tier,
      path: membership.path,
      pathDns: membership.path.map((guid) => dnByGuid.get(guid) ?? guid),
      viaPrimaryGroup: membership.viaPrimaryGroup,
    };
    const list = result.get(membership.accountGuid);
    if (list === undefined) result.set(membership.accountGuid, [entry]);
    else list.push(entry);
  }
  for (const list of result.values()) list.sort(bySeverity);
  return result;
}

function bySeverity(a: PrivilegedMembership, b: PrivilegedMembership): number {
  const tier = TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier);
  if (tier !== 0) return tier;
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  const left = dnKey(a.groupDn);
  const right = dnKey(b.groupDn);
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
