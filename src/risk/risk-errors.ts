import { WardenError, type ErrorDetails } from '../errors';

/** Why classification and risk could not run or a policy was refused. The codes are stable. */
export type RiskErrorCode =
  /** The store holds no complete snapshot yet: scan first. */
  | 'NO_SNAPSHOT'
  /** The snapshot asked for does not exist, or did not complete. */
  | 'SNAPSHOT_NOT_FOUND'
  /** A policy (file, saved, or given) fails validation; details.issues says where. */
  | 'INVALID_POLICY'
  /** A policy file could not be read. */
  | 'POLICY_UNREADABLE'
  /** An --filter expression could not be understood; details say where. */
  | 'INVALID_FILTER'
  /** No account of the snapshot has that objectGUID, sAMAccountName or DN. */
  | 'ACCOUNT_NOT_FOUND'
  /** A change to an account's type, owner or tags is not well formed. */
  | 'INVALID_METADATA';

export class RiskError extends WardenError {
  declare readonly code: RiskErrorCode;

  // Not useless: it narrows `code` to the risk stage's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: RiskErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
