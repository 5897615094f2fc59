import { domainSidOf } from '../directory';
import type { Store } from '../store';
import { effectiveMemberships, type EffectiveMembership } from './effective-membership';
import { scanCancelled } from './errors';

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

function* sidsOf(...lists: readonly (readonly { sid: string | null }[])[]): Generator<string | null> {
  for (const list of lists) for (const item of list) yield item.sid;
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

/**
 * Computes the transitive group memberships of a running snapshot from what
 * has been written to it and stores them with their paths; returns how many
 * rows were written. Rows stream from the computation into the store, so only
 * the graph and one batch are held at a time. An abort stops the writing
 * part-way; the store then keeps none of the rows.
 */
export async function storeEffectiveMemberships(
  store: Store,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<number> {
  const { accounts, groups } = await store.snapshots.readMembershipGraph(snapshotId);
  const domainSid = dominantDomainSid(sidsOf(accounts, groups));
  // Without any domain SID (an export without objectSid) no primary group can be named: only `member`
  // links count then, and an empty domain SID matches no group's SID.
  return store.snapshots.writeEffectiveMemberships(
    snapshotId,
    untilAborted(effectiveMemberships({ accounts, groups, domainSid: domainSid ?? '' }), snapshotId, signal),
  );
}
