import { WardenError, type ErrorDetails } from '../errors';

/**
 * What can go wrong talking to a domain controller, in terms an administrator
 * can act on. The codes are stable: the app chooses its advice by code.
 */
export type DirectoryErrorCode =
  /** Plain LDAP was asked for without allowPlainLdap: the password would travel in clear text. */
  | 'PLAIN_LDAP_REFUSED'
  /** Plain LDAP was allowed, but this password bind was not confirmed (confirmPlainTextBind). */
  | 'PLAIN_LDAP_NOT_CONFIRMED'
  /** A bind with an empty password is an anonymous bind in AD: it "succeeds" with no rights. */
  | 'EMPTY_PASSWORD'
  /** Nothing answered: refused, no route, or a host name that does not resolve. */
  | 'UNREACHABLE'
  | 'TIMEOUT'
  /** The certificate chain does not lead to a trusted CA. */
  | 'TLS_UNTRUSTED'
  /** The certificate is valid but issued for other names. */
  | 'TLS_NAME_MISMATCH'
  /** The certificate has expired or is not valid yet. */
  | 'TLS_EXPIRED'
  /** Any other TLS failure (protocol versions, a port that does not speak TLS). */
  | 'TLS_FAILED'
  /** The server refused to upgrade the connection with StartTLS. */
  | 'STARTTLS_REFUSED'
  /** Wrong name or password, or an account that may not log on (AD's `data 52e`, `533`… sub-codes). */
  | 'INVALID_CREDENTIALS'
  /** The server refuses simple binds without encryption (LDAP signing required). */
  | 'STRONGER_AUTH_REQUIRED'
  | 'NO_SUCH_OBJECT'
  | 'INSUFFICIENT_ACCESS'
  | 'INVALID_FILTER'
  /** The connection dropped in the middle of an operation. */
  | 'CONNECTION_LOST'
  /** The connection was used after close(). */
  | 'CONNECTION_CLOSED'
  /** Any other LDAP result code; details.resultCode says which. */
  | 'LDAP_ERROR'
  /** DNS advertises no domain controller for the domain (no _ldap._tcp.dc._msdcs SRV record). */
  | 'DC_NOT_FOUND'
  /** The DNS query itself failed (no DNS server answered, or it refused). */
  | 'DNS_FAILED'
  /** Stopped through the AbortSignal; the code the app uses for every cancelled task. */
  | 'CANCELLED';

export type Transport = 'ldaps' | 'starttls' | 'ldap';

/** Which server a failure concerns; part of every DirectoryError's details. */
export interface EndpointDetails {
  host: string;
  port: number;
  transport: Transport;
}

export class DirectoryError extends WardenError {
  declare readonly code: DirectoryErrorCode;

  // Narrows `code` to the directory's codes.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(code: DirectoryErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isDirectoryError(error: unknown, code?: DirectoryErrorCode): error is DirectoryError {
  return error instanceof DirectoryError && (code === undefined || error.code === code);
}
