import { domainSidOf } from '../directory';
import type { Store } from '../store';
import type { SnapshotGraphGroup } from '../store';
import { effectiveMemberships, type EffectiveMembership } from './effective-membership';
import { dnKey, type MembershipAccount, type MembershipGroup } from './group-graph';
import { scanCancelled } from './errors';
import { privilegedTierOf } from './privileged-groups';

/**
 * The domain SID of a snapshot, as the most common S-1-5-21 domain part among
 * its accounts' and groups' SIDs. A scan reads accounts and groups, not the
 * domain object, so the SID has to come from them; nearly every one of them
 * carries it, while the few that may not (objects migrated with another
 * domain's SID, entries of a hand-assembled LDIF) cannot outvote them.
 * BUILTIN groups (S-1-5-32) have no domain part and do not count.
 */
export function dominantDomainSid(sids: Iterable<string | null>): string | undefined {
  const counts = new Map<string, number>();
  for (const sid of sids) {
    const domain = sid === null ? undefined : domainSidOf(sid.toUpperCase());
    if (domain !== undefined) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [domain, count] of counts) {
    // On a tie the smaller SID wins, so the choice does not depend on read order.
    if (count > bestCount || (count === bestCount && best !== undefined && domain < best)) {
      best = domain;
      bestCount = count;
    }
  }
  return best;
}

function* onlyTo(
  groups: ReadonlySet<string>,
  rows: Iterable<EffectiveMembership>,
): Generator<EffectiveMembership, void, undefined> {
  for (const row of rows) if (groups.has(row.groupGuid)) yield row;
}

/** How many rows pass between two looks at the abort signal. */
const ROWS_PER_ABORT_CHECK = 1000;

function* untilAborted(
  rows: Iterable<EffectiveMembership>,
  snapshotId: string,
  signal: AbortSignal | undefined,
): Generator<EffectiveMembership, void, undefined> {
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (count % ROWS_PER_ABORT_CHECK === 0 && signal?.aborted === true) throw scanCancelled(snapshotId);
    yield row;
  }
}

/** The groups a snapshot's privileged memberships can pass through, with their `member` values. */
export interface PrivilegedGraph {
  /** The privileged groups and every group nested in one, directly or not. */
  groups: MembershipGroup[];
  privileged: ReadonlySet<string>;
  /** Accounts that are members of those groups, directly or by primary group. */
  accounts: MembershipAccount[];
  domainSid: string;
}

/**
 * Reads only the part of a running snapshot's membership graph that leads to
 * privileged groups: the privileged groups, the groups nested in them (found
 * from the group-to-group `member` values alone), their members, and the
 * accounts among those members or whose primary group is one of them. Every
 * path to a privileged group runs through these groups, so the paths are
 * those the whole graph gives, while a domain's bulk (everyone in Domain
 * Users and in ordinary groups) is never held in memory.
 */
export async function readPrivilegedGraph(store: Store, snapshotId: string): Promise<PrivilegedGraph> {
  const snapshots = store.snapshots;
  const heads = await snapshots.graphGroups(snapshotId);
  const domainSid = dominantDomainSid(heads.map((group) => group.sid)) ?? (await accountsDomainSid(store, snapshotId));
  const indexOf = new Map<string, number>();
  heads.forEach((group, index) => {
    indexOf.set(group.guid, index);
    indexOf.set(dnKey(group.dn), index);
  });

  // childrenOf[g]: the groups `g` lists as members.
  const childrenOf = heads.map((): number[] => []);
  for await (const edge of snapshots.graphEdges(snapshotId, 'nesting')) {
    const child = indexOf.get(edge.memberGuid ?? dnKey(edge.memberDn));
    const parent = indexOf.get(edge.groupGuid);
    if (child !== undefined && parent !== undefined) childrenOf[parent]?.push(child);
  }
  const privileged = new Set<string>();
  const reaching = new Set<number>();
  const queue: number[] = [];
  heads.forEach((group, index) => {
    if (privilegedTierOf(group, domainSid) === undefined) return;
    privileged.add(group.guid);
    reaching.add(index);
    queue.push(index);
  });
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of childrenOf[next] ?? []) {
      if (!reaching.has(child)) {
        reaching.add(child);
        queue.push(child);
      }
    }
  }

  const groups = [...reaching].map((index) => ({ ...(heads[index] as SnapshotGraphGroup), memberDns: [] as string[] }));
  const byGuid = new Map(groups.map((group) => [group.guid, group]));
  const memberGuids = new Set<string>();
  const memberKeys = new Set<string>();
  for await (const edge of snapshots.graphEdges(snapshotId, { groupGuids: [...byGuid.keys()] })) {
    byGuid.get(edge.groupGuid)?.memberDns.push(edge.memberDn);
    if (edge.memberGuid === null) memberKeys.add(dnKey(edge.memberDn));
    else memberGuids.add(edge.memberGuid);
  }
  const primarySids = new Set(groups.flatMap((group) => (group.sid === null ? [] : [group.sid.toUpperCase()])));
  const accounts: MembershipAccount[] = [];
  for await (const account of snapshots.graphAccounts(snapshotId)) {
    const primary =
      account.primaryGroupId === null ? undefined : `${domainSid}-${account.primaryGroupId}`.toUpperCase();
    if (
      memberGuids.has(account.guid) ||
      (primary !== undefined && primarySids.has(primary)) ||
      (memberKeys.size > 0 && memberKeys.has(dnKey(account.dn)))
    ) {
      accounts.push(account);
    }
  }
  return { groups, privileged, accounts, domainSid };
}

async function accountsDomainSid(store: Store, snapshotId: string): Promise<string> {
  const sids: (string | null)[] = [];
  for await (const account of store.snapshots.graphAccounts(snapshotId)) sids.push(account.sid);
  // Without any domain SID (an export without objectSid) no primary group can be named: only `member`
  // links count then, and an empty domain SID matches no group's SID.
  return dominantDomainSid(sids) ?? '';
}

/**
 * Computes the memberships of privileged groups of a running snapshot, with
 * the path that gives each (svc-x → App-Admins → Tier0-Admins → Domain
 * Admins), and stores them; returns how many rows were written. Other
 * transitive memberships follow from the stored `member` rows whenever a view
 * needs them; storing them all would write several rows per account on every
 * scan for what few screens read. Rows stream from the computation into the
 * store. An abort stops the writing part-way; the store then keeps none of
 * the rows.
 */
export async function storeEffectiveMemberships(
  store: Store,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<number> {
  const graph = await readPrivilegedGraph(store, snapshotId);
  return store.snapshots.writeEffectiveMemberships(
    snapshotId,
    untilAborted(onlyTo(graph.privileged, effectiveMemberships(graph)), snapshotId, signal),
  );
}
