import type { HeadlineFigures } from '../hr/figures';
import { reconcile } from '../hr/reconcile';
import type { Snapshot, Store } from '../store';
import { findAnomalies, type Anomaly, type SnapshotSide } from './anomalies';
import { assessAccounts, type AccountAssessment } from './assess-accounts';
import { compilePolicy } from './compiled-policy';
import { currentPolicy, type PolicyInForce } from './policy';
import { RiskError } from './risk-errors';
import { earlierSnapshots } from './same-source';
import { summarize, type RiskSummary } from './summary';

export interface AssessOptions {
  /** The snapshot to assess; the latest complete one by default. */
  snapshotId?: string;
  /** The bundled resources (the default policy). */
  resourcesDir: string;
  /** A policy for this run only, instead of the one in force. */
  policy?: PolicyInForce;
}

export interface Assessment {
  snapshot: Snapshot;
  policy: PolicyInForce;
  /** Every account of the snapshot, in objectGUID order. */
  accounts: AccountAssessment[];
  summary: RiskSummary;
  /** Changes against the previous complete snapshot of the same source. */
  anomalies: Anomaly[];
  previousSnapshotId: string | null;
}

/** The snapshot asked for, or the latest complete one. */
export async function completeSnapshot(store: Store, snapshotId: string | undefined): Promise<Snapshot> {
  if (snapshotId === undefined) {
    const latest = await store.snapshots.latestComplete();
    if (latest === undefined) {
      throw new RiskError('NO_SNAPSHOT', 'The store holds no complete snapshot yet: scan the domain first.');
    }
    return latest;
  }
  const snapshot = await store.snapshots.get(snapshotId);
  if (snapshot?.status !== 'complete') {
    throw new RiskError(
      'SNAPSHOT_NOT_FOUND',
      snapshot === undefined
        ? `There is no snapshot ${snapshotId} in the store.`
        : `Snapshot ${snapshotId} is ${snapshot.status}; only a complete snapshot can be assessed.`,
      { snapshotId },
    );
  }
  return snapshot;
}

/**
 * The snapshot's reconciliation figures, reconciling it first when the HR
 * list or a decision about a person is newer than its last reconciliation:
 * the HR outcome of each account must be that of the current list.
 */
async function reconciledFigures(store: Store, snapshot: Snapshot): Promise<HeadlineFigures | undefined> {
  const hrImport = await store.hr.current();
  if (hrImport === undefined) return undefined;
  const [history, decisions] = await Promise.all([store.reconciliations.history(), store.matchDecisions.inForce()]);
  const record = history.find((entry) => entry.snapshotId === snapshot.id);
  const lastDecision = decisions.reduce((latest, d) => (d.decidedAt > latest ? d.decidedAt : latest), '');
  if (record !== undefined && record.hrImportId === hrImport.id && record.reconciledAt >= lastDecision) {
    return record.figures;
  }
  return (await reconcile(store, { snapshotId: snapshot.id })).figures;
}

async function side(store: Store, snapshotId: string): Promise<SnapshotSide> {
  const [accounts, paths] = await Promise.all([
    store.assessment.accounts(snapshotId),
    store.assessment.paths(snapshotId),
  ]);
  return { snapshotId, accounts, paths };
}

/**
 * Classifies and scores every account of a snapshot with the policy in force,
 * finds the anomalies since the previous snapshot, and records the snapshot's
 * figures for the dashboard's trend. Reads only what earlier stages stored, so
 * a policy change takes effect without a rescan.
 */
export async function assess(store: Store, options: AssessOptions): Promise<Assessment> {
  const snapshot = await completeSnapshot(store, options.snapshotId);
  const policy = options.policy ?? (await currentPolicy(store, options.resourcesDir));
  const figures = await reconciledFigures(store, snapshot);
  const [current, groups, edges, metadata] = await Promise.all([
    side(store, snapshot.id),
    store.assessment.groups(snapshot.id),
    store.assessment.edges(snapshot.id),
    store.accountMetadata.all(),
  ]);
  const asOfIso = snapshot.finishedAt ?? snapshot.startedAt;
  const asOf = Date.parse(asOfIso);
  const accounts = assessAccounts(
    { asOf, hrReconciled: figures !== undefined, ...current, groups, edges, metadata },
    compilePolicy(policy.policy),
  );
  const summary = summarize(snapshot.id, asOfIso, accounts, figures);
  await store.riskSummaries.save(snapshot.id, policy.hash, summary);
  const previous = (await earlierSnapshots(store, snapshot)).at(-1);
  const anomalies = findAnomalies(
    current,
    accounts,
    previous === undefined ? undefined : await side(store, previous.id),
    policy.policy.usage.dormantDays,
    asOf,
  );
  return { snapshot, policy, accounts, summary, anomalies, previousSnapshotId: previous?.id ?? null };
}
