import { hasUacFlag } from '../directory/uac-flags';
import type { Store } from '../store';
import type { Assessment } from './assess';
import { earlierSnapshots } from './same-source';
import { usageOf } from './usage';
import type { Usage } from './vocabulary';

/** Snapshots shown at most: two years of monthly scans. */
export const USAGE_HISTORY_POINTS = 24;

/** How an account was used as one snapshot saw it. */
export interface UsagePoint {
  snapshotId: string;
  /** When the snapshot was read: its end, or its start when it has none. */
  asOf: string;
  usage: Usage;
  enabled: boolean;
  lastLogonTimestamp: string | null;
  lastLogonDaysAgo: number | null;
  pwdLastSet: string | null;
}

/**
 * An account's usage in the last snapshots of its source, oldest first, each
 * judged by the policy now in force as of that snapshot's time: whether a dormant
 * account just woke up, or has slept for a year, is the question an auditor
 * asks. Snapshots that do not hold the account (before it was created) are
 * left out.
 */
export async function usageHistory(store: Store, assessment: Assessment, objectGuid: string): Promise<UsagePoint[]> {
  const { snapshot, policy } = assessment;
  const shown = [...(await earlierSnapshots(store, snapshot)).slice(1 - USAGE_HISTORY_POINTS), snapshot];
  const asOfById = new Map(shown.map((candidate) => [candidate.id, candidate.finishedAt ?? candidate.startedAt]));
  const facts = await store.assessment.usageFacts(objectGuid, [...asOfById.keys()]);
  // This snapshot's verdict is the assessment's own (an exact per-DC lastLogon may have refined it).
  const current = assessment.accounts.find((candidate) => candidate.objectGuid === objectGuid);
  const points = facts.map((fact): UsagePoint => {
    const asOf = asOfById.get(fact.snapshotId) ?? snapshot.startedAt;
    const verdict =
      fact.snapshotId === snapshot.id && current !== undefined
        ? current
        : usageOf(fact, Date.parse(asOf), policy.policy.usage);
    return {
      snapshotId: fact.snapshotId,
      asOf,
      usage: verdict.usage,
      enabled: !hasUacFlag(fact.userAccountControl, 'ACCOUNTDISABLE'),
      lastLogonTimestamp: fact.lastLogonTimestamp,
      lastLogonDaysAgo: verdict.lastLogonDaysAgo,
      pwdLastSet: fact.pwdLastSet,
    };
  });
  return points.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}
