import type { Store } from '../store';
import { localActor } from '../store/local-actor';
import { normalizeKey } from './match-keys';
import type { MatchDecision, MatchDecisionKind } from './match-decisions';
import { ReconcileError } from './reconcile-errors';
import { snapshotToReconcile } from './reconcile';

export interface MatchDecisionRequest {
  /** The account's objectGUID, or its sAMAccountName in the snapshot. */
  account: string;
  decision: MatchDecisionKind | 'withdraw';
  /** Required to confirm or reject; with withdraw, names the match decision to withdraw. */
  employeeId?: string;
  reason: string;
  /** Who decides; the operating system's user name by default. */
  actor?: string;
  /** The snapshot the account is looked up in; the latest complete one by default. */
  snapshotId?: string;
}

export interface MatchDecisionRecorded {
  accountGuid: string;
  samAccountName: string;
  /** The decision now in force for that subject; null after a withdrawal. */
  decision: MatchDecision | null;
}

/**
 * Records a person's decision about an account, with the audit log entry
 * that says who decided what and why. It applies from the next reconciliation
 * on, and keeps applying across new scans (the account is kept by objectGUID)
 * and new HR lists (the employee by ID).
 */
export async function recordMatchDecision(store: Store, request: MatchDecisionRequest): Promise<MatchDecisionRecorded> {
  const reason = request.reason.trim();
  if (reason.length === 0) {
    throw new ReconcileError('INVALID_DECISION', 'A decision needs a reason: say why, for the audit log.');
  }
  const employeeId = request.employeeId?.trim() || undefined;
  const aboutMatch = request.decision === 'confirm' || request.decision === 'reject';
  if (aboutMatch && employeeId === undefined) {
    throw new ReconcileError('INVALID_DECISION', `To ${request.decision} a match, name the employee ID.`, {
      decision: request.decision,
    });
  }
  if ((request.decision === 'human' || request.decision === 'nhi') && employeeId !== undefined) {
    throw new ReconcileError(
      'INVALID_DECISION',
      `Marking an account ${request.decision === 'nhi' ? 'as an NHI' : 'human'} concerns no employee; to tie it to employee ${employeeId}, confirm the match instead.`,
      { decision: request.decision, employeeId },
    );
  }
  const snapshot = await snapshotToReconcile(store, request.snapshotId);
  const account = await store.reconciliations.findAccount(snapshot.id, request.account);
  if (account === undefined) {
    throw new ReconcileError(
      'ACCOUNT_NOT_FOUND',
      `No account of snapshot ${snapshot.id} has the objectGUID or sAMAccountName "${request.account}".`,
      { account: request.account, snapshotId: snapshot.id },
    );
  }
  if (request.decision === 'confirm') await requireEmployee(store, employeeId ?? '');
  const decision = await store.matchDecisions.record({
    accountGuid: account.objectGuid,
    kind: request.decision,
    employeeId: employeeId ?? null,
    reason,
    actor: request.actor ?? localActor(),
  });
  return { accountGuid: account.objectGuid, samAccountName: account.samAccountName, decision };
}

async function requireEmployee(store: Store, employeeId: string): Promise<void> {
  const current = await store.hr.current();
  const key = normalizeKey(employeeId);
  const people = current === undefined ? [] : await store.hr.records(current.id);
  if (!people.some((person) => normalizeKey(person.employeeId) === key)) {
    throw new ReconcileError(
      'EMPLOYEE_NOT_FOUND',
      current === undefined
        ? `No HR list has been imported, so employee ${employeeId} cannot be confirmed.`
        : `The current HR list (${current.fileName}) has no employee with ID ${employeeId}.`,
      { employeeId },
    );
  }
}
