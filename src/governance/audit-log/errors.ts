import { WardenError, type ErrorDetails } from '../../errors';

export type AuditLogErrorCode = 'INVALID_SINCE';

export class AuditLogError extends WardenError {
  declare readonly code: AuditLogErrorCode;

  // Narrows `code` to the audit log's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: AuditLogErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
