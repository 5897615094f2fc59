import { GroupClosures } from './group-closure';
import { buildGroupGraph, type MembershipAccount, type MembershipGroup } from './group-graph';

/**
 * One row of `effective_memberships`: the account belongs to the group,
 * directly or through nesting, and `path` says how.
 */
export interface EffectiveMembership {
  accountGuid: string;
  groupGuid: string;
  /**
   * Group guids from the account's direct group (or its primary group) up to
   * the group itself: `path[0]` is the group the account is a member of,
   * `path[path.length - 1]` is `groupGuid`. Shared between rows: do not mutate.
   */
  path: readonly string[];
  /**
   * True when the membership exists only through the account's primaryGroupID.
   * Explicit `member` links win over the primary group even when longer,
   * because they are what AD's transitive filter (1.2.840.113556.1.4.1941)
   * follows and what removing a `member` value undoes.
   */
  viaPrimaryGroup: boolean;
}

export interface EffectiveMembershipInput {
  accounts: readonly MembershipAccount[];
  groups: readonly MembershipGroup[];
  /** The domain's SID (S-1-5-21-a-b-c), to resolve primaryGroupID. */
  domainSid: string;
}

/**
 * Transitive group membership of every account, one row per (account, group),
 * each with one shortest path; among equally short paths the one whose group
 * DNs are lexicographically smallest (case-folded) wins, so a rerun gives the
 * same rows. Rows come account by account, in input order, as a stream that
 * can be written out without holding all of them.
 */
export function* effectiveMemberships(
  input: EffectiveMembershipInput,
): Generator<EffectiveMembership, void, undefined> {
  const graph = buildGroupGraph(input.accounts, input.groups, input.domainSid);
  const closures = new GroupClosures(graph);
  const groupCount = graph.groups.length;
  // Per-account scratch, indexed by group; a stamp per account avoids clearing it.
  const seen = new Int32Array(groupCount);
  const bestPath = new Array<readonly string[] | undefined>(groupCount);
  const viaPrimary = new Uint8Array(groupCount);

  for (let account = 0; account < graph.accounts.length; account += 1) {
    const stamp = account + 1;
    const reached: number[] = [];
    // Ascending direct groups: on equal length the earlier DN keeps its place.
    for (const direct of graph.directGroupsOf[account] ?? []) {
      const { targets, paths } = closures.of(direct);
      for (let i = 0; i < targets.length; i += 1) {
        const target = targets[i] as number;
        const path = paths[i] as readonly string[];
        if (seen[target] !== stamp) {
          seen[target] = stamp;
          bestPath[target] = path;
          viaPrimary[target] = 0;
          reached.push(target);
        } else if (path.length < (bestPath[target]?.length ?? Infinity)) {
          bestPath[target] = path;
        }
      }
    }
    const primary = graph.primaryGroupOf[account] ?? -1;
    if (primary >= 0) {
      const { targets, paths } = closures.of(primary);
      for (let i = 0; i < targets.length; i += 1) {
        const target = targets[i] as number;
        if (seen[target] === stamp) continue;
        seen[target] = stamp;
        bestPath[target] = paths[i];
        viaPrimary[target] = 1;
        reached.push(target);
      }
    }

    const accountGuid = (graph.accounts[account] as MembershipAccount).guid;
    for (const target of reached) {
      const path = bestPath[target] as readonly string[];
      yield {
        accountGuid,
        groupGuid: path[path.length - 1] as string,
        path,
        viaPrimaryGroup: viaPrimary[target] === 1,
      };
    }
  }
}

/** All rows at once, for callers that need them together (tests, small domains). */
export function computeEffectiveMemberships(input: EffectiveMembershipInput): EffectiveMembership[] {
  return [...effectiveMemberships(input)];
}
