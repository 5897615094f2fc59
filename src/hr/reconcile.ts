import type { Snapshot, Store } from '../store';
import type { ReconciliationRecord } from '../store/repositories/reconciliations';
import { headlineFigures, type HeadlineFigures } from './figures';
import { matchAccounts } from './match-accounts';
import { indexDecisions } from './match-decisions';
import type { AccountResult, EmployeeResult } from './outcomes';
import { ReconcileError } from './reconcile-errors';

export interface ReconcileOptions {
  /** The snapshot to reconcile; the latest complete one by default. */
  snapshotId?: string;
  /** The moment end dates are compared with; now by default. */
  now?: Date;
}

export interface Reconciliation {
  snapshotId: string;
  snapshotStartedAt: string;
  hrImportId: string;
  hrFileName: string;
  reconciledAt: string;
  fuzzyNameThreshold: number;
  figures: HeadlineFigures;
  /** Every account of the snapshot, in objectGUID order. */
  accounts: AccountResult[];
  /** Employees of the HR list no account points at. */
  employees: EmployeeResult[];
  /** The figures of every reconciled snapshot, oldest first, this one included. */
  history: ReconciliationRecord[];
}

/** The snapshot asked for, or the latest complete one. */
export async function snapshotToReconcile(store: Store, snapshotId: string | undefined): Promise<Snapshot> {
  if (snapshotId === undefined) {
    const latest = await store.snapshots.latestComplete();
    if (latest === undefined) {
      throw new ReconcileError('NO_SNAPSHOT', 'The store holds no complete snapshot yet: scan the domain first.');
    }
    return latest;
  }
  const snapshot = await store.snapshots.get(snapshotId);
  if (snapshot?.status !== 'complete') {
    throw new ReconcileError(
      'SNAPSHOT_NOT_FOUND',
      snapshot === undefined
        ? `There is no snapshot ${snapshotId} in the store.`
        : `Snapshot ${snapshotId} is ${snapshot.status}; only a complete snapshot can be reconciled.`,
      { snapshotId },
    );
  }
  return snapshot;
}

/**
 * Reconciles a snapshot's accounts with the current HR list, applying every
 * decision in force, and records the result: each account's outcome
 * (table hr_outcomes, which later stages read) and the snapshot's headline
 * figures, which replace those of an earlier reconciliation of the same
 * snapshot. The figures of each snapshot thus describe it against the HR list
 * current when it was last reconciled.
 */
export async function reconcile(store: Store, options: ReconcileOptions = {}): Promise<Reconciliation> {
  const now = options.now ?? new Date();
  const snapshot = await snapshotToReconcile(store, options.snapshotId);
  const hrImport = await store.hr.current();
  if (hrImport === undefined) {
    throw new ReconcileError('NO_HR_IMPORT', 'No HR list has been imported yet: import one with "warden hr import".');
  }
  const [people, accounts, decisions, settings] = await Promise.all([
    store.hr.records(hrImport.id),
    store.reconciliations.accountsForMatching(snapshot.id),
    store.matchDecisions.inForce(),
    store.settings.get(),
  ]);
  const result = matchAccounts(accounts, people, {
    now,
    fuzzyNameThreshold: settings.fuzzyNameThreshold,
    decisions: indexDecisions(decisions),
  });
  const figures = headlineFigures(result.accounts, result.employees, people, now);
  const saved = await store.reconciliations.save({
    snapshotId: snapshot.id,
    hrImportId: hrImport.id,
    outcomes: result.accounts,
    figures,
  });
  return {
    snapshotId: snapshot.id,
    snapshotStartedAt: snapshot.startedAt,
    hrImportId: hrImport.id,
    hrFileName: hrImport.fileName,
    reconciledAt: saved.reconciledAt,
    fuzzyNameThreshold: settings.fuzzyNameThreshold,
    figures,
    accounts: result.accounts,
    employees: result.employees,
    history: await store.reconciliations.history(),
  };
}
