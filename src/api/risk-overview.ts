import { earlierSnapshots, type Assessment } from '../risk';
import type { Store } from '../store';
import { RiskSummarySchema, type RiskOverview, type RiskTrendPoint } from './risk-schemas';

type Summary = RiskOverview['summary'];

function pointOf(snapshotId: string, snapshotStartedAt: string, summary: Summary): RiskTrendPoint {
  return {
    snapshotId,
    snapshotStartedAt,
    byTier: summary.byTier,
    nhi: summary.nhi,
    human: summary.human,
    enabledAccounts: summary.enabledAccounts,
    orphaned: summary.orphaned,
    activeEmployees: summary.imbalance.activeEmployees,
  };
}

/**
 * The figures of every assessed snapshot of the same source (profile, LDIF or
 * demo) up to this one, oldest first: another domain's figures would make no
 * course. This snapshot's point is the assessment's own, so it always shows
 * the policy now in force. Figures saved by an older version in another shape
 * are left out rather than misread.
 */
async function trendOf(store: Store, assessment: Assessment): Promise<RiskTrendPoint[]> {
  const { snapshot } = assessment;
  const [history, earlier] = await Promise.all([store.riskSummaries.history(), earlierSnapshots(store, snapshot)]);
  const sameSource = new Set(earlier.map((candidate) => candidate.id));
  const points = history.flatMap((record) => {
    if (!sameSource.has(record.snapshotId)) return [];
    const figures = RiskSummarySchema.safeParse(record.figures);
    return figures.success ? [pointOf(record.snapshotId, record.snapshotStartedAt, figures.data)] : [];
  });
  return [...points, pointOf(snapshot.id, snapshot.startedAt, assessment.summary)];
}

/** The dashboard's view of an assessment: its figures, anomalies, the policy's origin and the trend. */
export async function riskOverview(store: Store, assessment: Assessment): Promise<RiskOverview> {
  const { snapshot, policy } = assessment;
  return {
    snapshot: {
      id: snapshot.id,
      startedAt: snapshot.startedAt,
      finishedAt: snapshot.finishedAt,
      sourceKind: snapshot.sourceKind,
    },
    previousSnapshotId: assessment.previousSnapshotId,
    policy: { source: policy.source, hash: policy.hash, savedAt: policy.savedAt, savedBy: policy.savedBy },
    summary: assessment.summary,
    anomalies: assessment.anomalies,
    trend: await trendOf(store, assessment),
  };
}
