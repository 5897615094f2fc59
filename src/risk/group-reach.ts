import { dominantDomainSid } from '../inventory/store-effective-memberships';
import { commonNameOf, privilegedPaths, type PrivilegedMembership } from '../inventory/privileged-groups';
import { dnKey, primaryGroupSid } from '../inventory/group-graph';
import type { AssessmentAccount, AssessmentEdge, AssessmentGroup, AssessmentPath } from '../store';
import type { SensitiveReach } from './facts';
import type { CompiledPolicy } from './compiled-policy';

export interface GroupReach {
  /** Groups the account belongs to in any way: directly, by nesting, as its primary group. */
  groupCount: number;
  privileged: PrivilegedMembership[];
  sensitive: SensitiveReach[];
}

export interface ReachInput {
  accounts: readonly AssessmentAccount[];
  groups: readonly AssessmentGroup[];
  edges: readonly AssessmentEdge[];
  paths: readonly AssessmentPath[];
}

const NO_REACH: GroupReach = { groupCount: 0, privileged: [], sensitive: [] };

function groupName(group: AssessmentGroup): string {
  return group.samAccountName ?? commonNameOf(group.dn) ?? group.dn;
}

/** The sensitive-data entry of the policy that a group falls under, the highest level first. */
function sensitiveEntries(
  groups: readonly AssessmentGroup[],
  compiled: CompiledPolicy,
): (SensitiveReach | undefined)[] {
  const entries = compiled.policy.risk.sensitiveGroups.map((entry) => ({
    ...entry,
    regex: entry.namePattern === undefined ? undefined : new RegExp(entry.namePattern, 'iu'),
    // A DN is compared in its normal form (spacing, escapes), a name or SID without case.
    key:
      entry.group === undefined
        ? undefined
        : entry.group.includes('=')
          ? dnKey(entry.group)
          : entry.group.toLowerCase(),
  }));
  return groups.map((group) => {
    const name = groupName(group);
    const keys = [name.toLowerCase(), dnKey(group.dn), (group.sid ?? '').toLowerCase()];
    let best: SensitiveReach | undefined;
    for (const entry of entries) {
      const hit = entry.regex === undefined ? keys.includes(entry.key ?? '') : entry.regex.test(name);
      if (hit && (best === undefined || entry.level > best.level)) {
        best = { group: name, label: entry.label, level: entry.level };
      }
    }
    return best;
  });
}

/** For each group (by index), itself and every group it is nested in, directly or not; cycles end the walk. */
function closures(groupCount: number, parentsOf: readonly number[][]): Int32Array[] {
  const result: Int32Array[] = [];
  for (let start = 0; start < groupCount; start += 1) {
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      const group = stack.pop() as number;
      for (const parent of parentsOf[group] ?? []) {
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    result.push(Int32Array.from(seen));
  }
  return result;
}

/** For each group, the sensitive groups among itself and those it is nested in, the highest level first. */
function sensitiveClosures(closureOf: readonly Int32Array[], sensitiveOf: readonly (SensitiveReach | undefined)[]) {
  return closureOf.map((closure) => {
    const found: SensitiveReach[] = [];
    for (const group of closure) {
      const entry = sensitiveOf[group];
      if (entry !== undefined) found.push(entry);
    }
    return found.sort(bySensitivity);
  });
}

function bySensitivity(a: SensitiveReach, b: SensitiveReach): number {
  return b.level - a.level || a.group.localeCompare(b.group);
}

/**
 * What each account reaches through its groups: how many groups, which
 * privileged ones (with the stored path to each), and which the policy marks
 * as holding sensitive data. One entry per account, in the order of `input.accounts`.
 */
export function groupReach(input: ReachInput, compiled: CompiledPolicy): GroupReach[] {
  const indexOf = new Map(input.groups.map((group, index) => [group.guid, index]));
  const accountIndex = new Map(input.accounts.map((account, index) => [account.objectGuid, index]));
  const parentsOf = input.groups.map((): number[] => []);
  // Each account's direct groups as one flat list with offsets: a domain has many accounts, each in few groups.
  const edgeAccount = new Int32Array(input.edges.length).fill(-1);
  const edgeGroup = new Int32Array(input.edges.length);
  const directStart = new Int32Array(input.accounts.length + 1);
  input.edges.forEach((edge, at) => {
    const parent = indexOf.get(edge.groupGuid);
    if (parent === undefined) return;
    const child = indexOf.get(edge.memberGuid);
    if (child !== undefined) {
      parentsOf[child]?.push(parent);
      return;
    }
    const account = accountIndex.get(edge.memberGuid);
    if (account === undefined) return;
    edgeAccount[at] = account;
    edgeGroup[at] = parent;
    directStart[account + 1] = (directStart[account + 1] ?? 0) + 1;
  });
  for (let account = 0; account < input.accounts.length; account += 1) {
    directStart[account + 1] = (directStart[account + 1] ?? 0) + (directStart[account] ?? 0);
  }
  const direct = new Int32Array(directStart[input.accounts.length] ?? 0);
  const filled = directStart.slice(0, input.accounts.length);
  for (let at = 0; at < edgeAccount.length; at += 1) {
    const account = edgeAccount[at] ?? -1;
    if (account < 0) continue;
    direct[filled[account] ?? 0] = edgeGroup[at] ?? 0;
    filled[account] = (filled[account] ?? 0) + 1;
  }
  const closureOf = closures(input.groups.length, parentsOf);
  const sensitiveOf = sensitiveClosures(closureOf, sensitiveEntries(input.groups, compiled));

  const groupSids = dominantDomainSid(input.groups.map((group) => group.sid));
  const domainSid = groupSids ?? dominantDomainSid(input.accounts.map((account) => account.sid));
  const bySid = new Map(input.groups.map((group) => [group.sid?.toUpperCase(), group.guid]));
  const primaryGuidOf = (account: AssessmentAccount): string | undefined =>
    domainSid === undefined || account.primaryGroupId === null
      ? undefined
      : bySid.get(primaryGroupSid(domainSid, account.primaryGroupId).toUpperCase());
  const privileged = privilegedPaths(
    input.paths.map((row) => {
      const index = accountIndex.get(row.accountGuid);
      const account = index === undefined ? undefined : input.accounts[index];
      return {
        ...row,
        viaPrimaryGroup: account !== undefined && row.path[0] === primaryGuidOf(account),
      };
    }),
    input.groups,
    domainSid ?? '',
  );

  // One stamp per group instead of one Set per account: a domain has far more accounts than groups.
  const stamp = new Int32Array(input.groups.length).fill(-1);
  return input.accounts.map((account, index) => {
    const from = directStart[index] ?? 0;
    const to = directStart[index + 1] ?? 0;
    let groupCount = 0;
    let sensitive: SensitiveReach[] = [];
    for (let at = from; at < to; at += 1) {
      const group = direct[at] ?? 0;
      for (const reached of closureOf[group] ?? []) {
        if (stamp[reached] === index) continue;
        stamp[reached] = index;
        groupCount += 1;
      }
      const entries = sensitiveOf[group] ?? [];
      if (entries.length > 0) sensitive = sensitive.length === 0 ? entries : [...sensitive, ...entries];
    }
    if (to - from > 1 && sensitive.length > 1) sensitive = [...new Set(sensitive)].sort(bySensitivity);
    const paths = privileged.get(account.objectGuid) ?? [];
    return groupCount === 0 && paths.length === 0 ? NO_REACH : { groupCount, privileged: paths, sensitive };
  });
}
