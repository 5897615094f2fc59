import { RiskError, RULES, usageHistory, type AccountAssessment, type Assessment } from '../risk';
import type { AccountMetadata, Store } from '../store';
import type { AccountDetail } from './risk-schemas';

const RULE_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The account of the assessment with that objectGUID (any case), or ACCOUNT_NOT_FOUND. */
export function assessedAccount(assessment: Assessment, objectGuid: string): AccountAssessment {
  const guid = objectGuid.trim().toLowerCase();
  const account = assessment.accounts.find((candidate) => candidate.objectGuid.toLowerCase() === guid);
  if (account !== undefined) return account;
  throw new RiskError(
    'ACCOUNT_NOT_FOUND',
    `No account of snapshot ${assessment.snapshot.id} has the objectGUID ${objectGuid}.`,
    { objectGuid, snapshotId: assessment.snapshot.id },
  );
}

/**
 * An account's whole assessment, each finding with its rule's rationale and
 * remediation, what was set by hand, and its usage across snapshots.
 */
export async function accountDetail(
  store: Store,
  assessment: Assessment,
  objectGuid: string,
  metadata: AccountMetadata | undefined,
): Promise<AccountDetail> {
  const account = assessedAccount(assessment, objectGuid);
  const { policy } = assessment;
  return {
    snapshotId: assessment.snapshot.id,
    policy: { source: policy.source, hash: policy.hash, savedAt: policy.savedAt, savedBy: policy.savedBy },
    account: {
      ...account,
      reasons: account.reasons.map((reason) => {
        const rule = RULE_BY_ID.get(reason.id);
        return { ...reason, rationale: rule?.rationale ?? '', remediation: rule?.remediation ?? '' };
      }),
    },
    metadata: {
      type: metadata?.type ?? null,
      owner: metadata?.owner ?? null,
      tags: metadata?.tags ?? null,
    },
    usageHistory: await usageHistory(store, assessment, account.objectGuid),
  };
}
