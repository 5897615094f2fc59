import { WardenError, type ErrorDetails } from '../../errors';

/** Why a containment or an undo was refused as a whole, before anything was changed. Codes are stable. */
export type KillSwitchErrorCode =
  /** Every action needs a reason, for the audit log and the account's description. */
  | 'REASON_REQUIRED'
  /** No step was asked for. */
  | 'NO_STEPS'
  /** The selection named no account. */
  | 'NO_ACCOUNTS'
  /** Some references name no account of the latest snapshot; details.missing lists them. */
  | 'ACCOUNT_NOT_FOUND'
  /** More than one account, and the caller did not confirm how many. */
  | 'CONFIRM_COUNT_REQUIRED'
  /** The confirmed count is not the number of accounts selected. */
  | 'CONFIRM_COUNT_MISMATCH'
  /** A random password was asked for over plain LDAP. */
  | 'PASSWORD_NEEDS_ENCRYPTION'
  /** The quarantine OU does not exist on the DC. */
  | 'QUARANTINE_OU_NOT_FOUND'
  /** The account bound as could not be found, so the guardrail against disabling it cannot hold. */
  | 'OPERATOR_UNKNOWN'
  /** An undo names accounts no recorded containment changed; details.missing lists them. */
  | 'NO_CONTAINMENT'
  /** An account was changed but its audit entry could not be written: the run stopped there. */
  | 'AUDIT_NOT_RECORDED';

export class KillSwitchError extends WardenError {
  declare readonly code: KillSwitchErrorCode;

  // Narrows `code` to the kill switch's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: KillSwitchErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isKillSwitchError(error: unknown, code?: KillSwitchErrorCode): error is KillSwitchError {
  return error instanceof KillSwitchError && (code === undefined || error.code === code);
}
