import { WardenError, type ErrorDetails } from '../errors';

/** Why a reconciliation or a decision about an account could not be made. The codes are stable. */
export type ReconcileErrorCode =
  /** The store holds no complete snapshot yet: scan first. */
  | 'NO_SNAPSHOT'
  /** The snapshot asked for does not exist, or did not complete. */
  | 'SNAPSHOT_NOT_FOUND'
  /** No HR list has been imported yet. */
  | 'NO_HR_IMPORT'
  /** No account of the snapshot has that objectGUID or sAMAccountName. */
  | 'ACCOUNT_NOT_FOUND'
  /** The current HR list has no employee with that ID. */
  | 'EMPLOYEE_NOT_FOUND'
  /** The decision is not well formed (a missing reason or employee ID). */
  | 'INVALID_DECISION';

export class ReconcileError extends WardenError {
  declare readonly code: ReconcileErrorCode;

  // Not useless: it narrows `code` to the reconciliation's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: ReconcileErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
