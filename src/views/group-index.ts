import { dnKey } from '../inventory/group-graph';
import { commonNameOf, privilegedTierOf } from '../inventory/privileged-groups';
import { dominantDomainSid } from '../inventory/store-effective-memberships';
import type { Assessment } from '../risk';
import type { AssessmentEdge, AssessmentGroup, Store } from '../store';

/** A group as the Inventory's group filter offers it. */
export interface GroupFacet {
  dn: string;
  name: string;
  privileged: boolean;
  /** Accounts in it directly, by nesting or as their primary group. */
  members: number;
}

export interface GroupIndex {
  /**
   * The accounts (by objectGUID) that belong to the group named by its DN or
   * its name, directly, through nested groups or as their primary group;
   * undefined when no group of the snapshot is named so.
   */
  membersOf(group: string): ReadonlySet<string> | undefined;
  /** Every group with members, the privileged ones first, then the largest. */
  facets(): readonly GroupFacet[];
}

/** How many groups' member sets are kept: a filter is asked again at every window the table scrolls to. */
const KEPT_MEMBER_SETS = 8;

function nameOf(group: AssessmentGroup): string {
  return group.samAccountName ?? commonNameOf(group.dn) ?? group.dn;
}

export function buildGroupIndex(
  groups: readonly AssessmentGroup[],
  edges: readonly AssessmentEdge[],
  accountGuids: ReadonlySet<string>,
): GroupIndex {
  const indexOf = new Map(groups.map((group, index) => [group.guid, index]));
  // Downwards: the groups nested in each group, and the accounts listed in it (member or primary group).
  const childGroups = groups.map((): number[] => []);
  const childAccounts = groups.map((): string[] => []);
  for (const edge of edges) {
    const parent = indexOf.get(edge.groupGuid);
    if (parent === undefined) continue;
    const child = indexOf.get(edge.memberGuid);
    if (child !== undefined) childGroups[parent]?.push(child);
    else if (accountGuids.has(edge.memberGuid)) childAccounts[parent]?.push(edge.memberGuid);
  }
  const byKey = new Map<string, number[]>();
  const remember = (key: string, index: number) => {
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, [index]);
    else if (!known.includes(index)) known.push(index);
  };
  groups.forEach((group, index) => {
    remember(dnKey(group.dn), index);
    remember(nameOf(group).toLowerCase(), index);
  });

  /** Every account under the groups given, each nested group walked once (cycles end the walk). */
  const accountsUnder = (starts: readonly number[]): Set<string> => {
    const seen = new Set<number>(starts);
    const stack = [...starts];
    const members = new Set<string>();
    while (stack.length > 0) {
      const group = stack.pop() as number;
      for (const account of childAccounts[group] ?? []) members.add(account);
      for (const child of childGroups[group] ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return members;
  };

  const kept = new Map<string, Set<string>>();
  let facets: GroupFacet[] | undefined;
  return {
    membersOf(group) {
      const key = group.includes('=') ? dnKey(group) : group.trim().toLowerCase();
      const known = kept.get(key);
      if (known !== undefined) return known;
      const starts = byKey.get(key);
      if (starts === undefined) return undefined;
      const members = accountsUnder(starts);
      kept.set(key, members);
      if (kept.size > KEPT_MEMBER_SETS) kept.delete(kept.keys().next().value as string);
      return members;
    },
    facets() {
      if (facets !== undefined) return facets;
      const domainSid = dominantDomainSid(groups.map((group) => group.sid)) ?? '';
      facets = groups
        .map((group, index) => ({
          dn: group.dn,
          name: nameOf(group),
          privileged: privilegedTierOf(group, domainSid) !== undefined,
          members: accountsUnder([index]).size,
        }))
        .filter((facet) => facet.members > 0)
        .sort(
          (a, b) =>
            Number(b.privileged) - Number(a.privileged) || b.members - a.members || a.name.localeCompare(b.name),
        );
      return facets;
    },
  };
}

/** One index per assessment: the groups and memberships of its snapshot, read once. */
const indexes = new WeakMap<Assessment, Promise<GroupIndex>>();

export function groupIndexOf(store: Store, assessment: Assessment): Promise<GroupIndex> {
  const known = indexes.get(assessment);
  if (known !== undefined) return known;
  const snapshotId = assessment.snapshot.id;
  const index = Promise.all([store.assessment.groups(snapshotId), store.assessment.edges(snapshotId)]).then(
    ([groups, edges]) => buildGroupIndex(groups, edges, new Set(assessment.accounts.map((a) => a.objectGuid))),
  );
  indexes.set(assessment, index);
  // A failed read is not kept: the next filter tries again.
  index.catch(() => indexes.delete(assessment));
  return index;
}
