export { listAuditLog, parseSince, type AuditLogPage, type AuditLogQuery } from './list-audit-log';
export { verifyAuditLog, type AuditVerification } from './verify-audit-log';
export { auditEntries } from './read-entries';
export { AuditLogError, type AuditLogErrorCode } from './errors';
