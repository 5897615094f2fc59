import { ResultCodeError } from 'ldapts';
import { WardenError, type ErrorDetails } from '../errors';
import { errorContext, type DirectoryConnection } from './connection';
import { toDirectoryError } from './map-error';

/**
 * Why a change to the directory did not happen. The codes are stable: the
 * kill switch tells "AD would not let this account do it" (INSUFFICIENT_ACCESS,
 * UNWILLING_TO_PERFORM) from everything else by code.
 */
export type DirectoryWriteErrorCode =
  /** LDAP 50: the bound account lacks the right (AD's 00002098 "has no write property access"). */
  | 'INSUFFICIENT_ACCESS'
  /** LDAP 53: the DC refuses this change whoever asks (or refuses it to this account). */
  | 'UNWILLING_TO_PERFORM'
  /** LDAP 32: the object, or the OU it is moved to, does not exist. */
  | 'NO_SUCH_OBJECT'
  /** LDAP 68: the OU it is moved to already holds an object of that name. */
  | 'ENTRY_EXISTS'
  /** LDAP 19: the value breaks a rule, e.g. the domain's password policy. */
  | 'CONSTRAINT_VIOLATION'
  /** A password may only be sent over LDAPS or StartTLS. */
  | 'PASSWORD_NEEDS_ENCRYPTION'
  /** Any other failure: details.resultCode or details.directoryCode says which. */
  | 'WRITE_FAILED';

export class DirectoryWriteError extends WardenError {
  declare readonly code: DirectoryWriteErrorCode;

  // Narrows `code` to the codes of writes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: DirectoryWriteErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isDirectoryWriteError(error: unknown, code?: DirectoryWriteErrorCode): error is DirectoryWriteError {
  return error instanceof DirectoryWriteError && (code === undefined || error.code === code);
}

/** What was being changed, for the message and the details. */
export interface WriteTarget {
  /** In words, e.g. "change userAccountControl of" or "move". */
  verb: string;
  dn: string;
  attribute?: string;
  /** For a move: where to. */
  newDn?: string;
}

/** ldapts appends " Code: 0x32" to the server's diagnostic; the rest is what the DC wrote. */
function diagnosticOf(error: ResultCodeError): string {
  return error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').trim();
}

const BY_RESULT: Readonly<Record<number, { code: DirectoryWriteErrorCode; words: string }>> = {
  50: { code: 'INSUFFICIENT_ACCESS', words: 'insufficient access rights' },
  53: { code: 'UNWILLING_TO_PERFORM', words: 'the domain controller is unwilling to perform it' },
  32: { code: 'NO_SUCH_OBJECT', words: 'the object does not exist' },
  68: { code: 'ENTRY_EXISTS', words: 'an object of that name already exists there' },
  19: { code: 'CONSTRAINT_VIOLATION', words: 'the value breaks a rule of the domain' },
};

/**
 * Turns a failed modify or modifyDN into an error that names the account,
 * the attribute and the bound account, and quotes the DC's own diagnostic
 * (AD's "00002098 … has no write property access" is what an administrator
 * searches for).
 */
export function toWriteError(error: unknown, connection: DirectoryConnection, target: WriteTarget): WardenError {
  if (error instanceof DirectoryWriteError) return error;
  const { host, port, transport } = connection.endpoint;
  const details: ErrorDetails = { host, port, transport, bindName: connection.bindName, dn: target.dn };
  if (target.attribute !== undefined) details['attribute'] = target.attribute;
  if (target.newDn !== undefined) details['newDn'] = target.newDn;
  const what = `${target.verb} ${target.dn}`;
  if (error instanceof ResultCodeError) {
    const diagnostic = diagnosticOf(error);
    const known = BY_RESULT[error.code];
    const words = known?.words ?? `LDAP error ${error.code}`;
    return new DirectoryWriteError(
      known?.code ?? 'WRITE_FAILED',
      `${host} did not let ${connection.bindName} ${what}: ${words} (LDAP ${error.code}${diagnostic ? `, ${diagnostic}` : ''}).`,
      { ...details, resultCode: error.code, diagnostic },
      { cause: error },
    );
  }
  // Not an answer from the DC: the connection dropped or timed out. The directory's words say which.
  const mapped = toDirectoryError(error, errorContext(connection, 'extended'));
  const reason =
    mapped.code === 'CONNECTION_LOST'
      ? `the connection to ${host}:${port} was lost`
      : mapped.message.replace(/\.$/, '');
  return new DirectoryWriteError(
    'WRITE_FAILED',
    `Could not ${what}: ${reason}. The change may or may not have been made: read the account again before retrying.`,
    { ...details, directoryCode: mapped.code },
    { cause: error },
  );
}
