import type { PeerCertificate } from 'node:tls';
import { ResultCodeError } from 'ldapts';
import type { ErrorDetails } from '../errors';
import { describeAdBindSubcode, parseAdBindSubcode } from './ad-bind-codes';
import { DirectoryError, type EndpointDetails } from './errors';

export type Stage = 'connect' | 'starttls' | 'bind' | 'search' | 'extended';

export interface ErrorContext {
  endpoint: EndpointDetails;
  stage: Stage;
  bindName?: string;
  serverName?: string;
  timeoutMs?: number;
  /** Search base, for "no such object". */
  base?: string;
}

const UNREACHABLE_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (nothing listens on that port, or a firewall rejects it)',
  EHOSTUNREACH: 'there is no route to the host',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host name does not resolve in DNS',
  EAI_AGAIN: 'DNS did not answer for the host name',
  EADDRNOTAVAIL: 'the address is not available from this computer',
};

const UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

const EXPIRED_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

interface NodeErrorLike {
  code?: unknown;
  message?: unknown;
  host?: unknown;
  cert?: unknown;
}

function asRecord(error: unknown): NodeErrorLike {
  return typeof error === 'object' && error !== null ? (error as NodeErrorLike) : {};
}

function stringCode(error: unknown): string | undefined {
  const code = asRecord(error).code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** ldapts appends " Code: 0x31" to the server's diagnostic message; the message is what AD wrote. */
function diagnosticOf(error: ResultCodeError): string {
  return error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').trim();
}

/** "DNS:dc1.corp.example.test, IP Address:10.0.0.5" → ["dc1.corp.example.test", "10.0.0.5"]. */
export function certificateNames(cert: Partial<PeerCertificate> | undefined): string[] {
  const names = (cert?.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/i, ''))
    .filter((name) => name !== '');
  if (names.length > 0) return names;
  const cn = cert?.subject?.CN;
  return typeof cn === 'string' ? [cn] : Array.isArray(cn) ? cn.map(String) : [];
}

function where(endpoint: EndpointDetails): string {
  return `${endpoint.host}:${endpoint.port}`;
}

function baseDetails(context: ErrorContext): ErrorDetails {
  const details: ErrorDetails = { ...context.endpoint, stage: context.stage };
  if (context.bindName !== undefined) details['bindName'] = context.bindName;
  if (context.serverName !== undefined) details['serverName'] = context.serverName;
  return details;
}

function fromResultCode(error: ResultCodeError, context: ErrorContext): DirectoryError {
  const diagnostic = diagnosticOf(error);
  const details: ErrorDetails = { ...baseDetails(context), resultCode: error.code, diagnostic };
  const server = context.endpoint.host;
  if (context.stage === 'starttls') {
    return new DirectoryError(
      'STARTTLS_REFUSED',
      `${server} refused to start TLS on port ${context.endpoint.port} (${diagnostic || `LDAP result ${error.code}`}). Use LDAPS on port 636, or check that the domain controller has a certificate.`,
      details,
      { cause: error },
    );
  }
  switch (error.code) {
    case 49: {
      const subcode = parseAdBindSubcode(diagnostic);
      if (subcode !== undefined) details['adReasonCode'] = subcode;
      return new DirectoryError(
        'INVALID_CREDENTIALS',
        `${server} refused the bind as ${context.bindName ?? 'the given account'}: ${describeAdBindSubcode(subcode)}.`,
        details,
        { cause: error },
      );
    }
    case 8:
    case 13:
      return new DirectoryError(
        'STRONGER_AUTH_REQUIRED',
        `${server} requires an encrypted connection before it accepts a password — use LDAPS or StartTLS.`,
        details,
        { cause: error },
      );
    case 32:
      return new DirectoryError(
        'NO_SUCH_OBJECT',
        `${context.base ?? 'The object'} does not exist on ${server}. Check the search base DN.`,
        context.base === undefined ? details : { ...details, base: context.base },
        { cause: error },
      );
    case 50:
      return new DirectoryError(
        'INSUFFICIENT_ACCESS',
        `${context.bindName ?? 'The bound account'} is not allowed to do this on ${server}.`,
        details,
        { cause: error },
      );
    case 3:
      return timeout(context, error);
    default:
      return new DirectoryError(
        'LDAP_ERROR',
        `${server} answered with LDAP error ${error.code}${diagnostic ? `: ${diagnostic}` : ''}.`,
        details,
        { cause: error },
      );
  }
}

function timeout(context: ErrorContext, cause: unknown): DirectoryError {
  const limit = context.timeoutMs === undefined ? '' : ` within ${Math.round(context.timeoutMs / 100) / 10} s`;
  return new DirectoryError(
    'TIMEOUT',
    `${where(context.endpoint)} did not answer${limit}. Check that the host and port are right and that a firewall does not drop the traffic.`,
    { ...baseDetails(context), ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }) },
    { cause },
  );
}

function fromTls(code: string, error: unknown, context: ErrorContext): DirectoryError {
  const details: ErrorDetails = { ...baseDetails(context), tlsCode: code };
  const server = where(context.endpoint);
  if (UNTRUSTED_CODES.has(code)) {
    return new DirectoryError(
      'TLS_UNTRUSTED',
      `The certificate of ${server} is not signed by a trusted CA — import the CA bundle that issued it.`,
      details,
      { cause: error },
    );
  }
  if (EXPIRED_CODES.has(code)) {
    const state = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet';
    return new DirectoryError(
      'TLS_EXPIRED',
      `The certificate of ${server} ${state} — the domain controller needs a current certificate (or this computer's clock is wrong).`,
      details,
      { cause: error },
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const record = asRecord(error);
    const expected = typeof record.host === 'string' ? record.host : (context.serverName ?? context.endpoint.host);
    const names = certificateNames(record.cert as Partial<PeerCertificate> | undefined);
    const issuedFor = names.length > 0 ? names.join(', ') : 'other names';
    return new DirectoryError(
      'TLS_NAME_MISMATCH',
      `The certificate of ${server} is for ${issuedFor}, not ${expected} — set the server name to a name the certificate carries.`,
      { ...details, expectedName: expected, certificateNames: names },
      { cause: error },
    );
  }
  const wrongProtocol = /wrong version number|packet length too long|unknown protocol/i.test(messageOf(error));
  return new DirectoryError(
    'TLS_FAILED',
    wrongProtocol
      ? `${server} does not speak TLS on this port — LDAPS is usually port 636, StartTLS port 389.`
      : `The TLS handshake with ${server} failed: ${messageOf(error)}.`,
    details,
    { cause: error },
  );
}

function looksLikeTls(code: string): boolean {
  return (
    UNTRUSTED_CODES.has(code) ||
    EXPIRED_CODES.has(code) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code === 'EPROTO' ||
    code.startsWith('CERT_')
  );
}

/**
 * Turns whatever ldapts or Node threw into a DirectoryError that says, in
 * plain words, what failed and what to do about it.
 */
export function toDirectoryError(error: unknown, context: ErrorContext): DirectoryError {
  if (error instanceof DirectoryError) return error;
  if (error instanceof ResultCodeError) return fromResultCode(error, context);

  const code = stringCode(error);
  const message = messageOf(error);
  const server = where(context.endpoint);
  if (code !== undefined && code in UNREACHABLE_CODES) {
    return new DirectoryError(
      'UNREACHABLE',
      `Cannot reach ${server}: ${UNREACHABLE_CODES[code]}.`,
      { ...baseDetails(context), systemCode: code },
      { cause: error },
    );
  }
  if (code === 'ETIMEDOUT' || /Connection timeout|Operation timed out/i.test(message)) return timeout(context, error);
  if (code !== undefined && looksLikeTls(code)) return fromTls(code, error, context);
  if (
    code === 'ECONNRESET' &&
    (context.stage === 'connect' || context.stage === 'starttls') &&
    context.endpoint.transport !== 'ldap'
  ) {
    return new DirectoryError(
      'TLS_FAILED',
      `${server} closed the connection during the TLS handshake — check that this port speaks ${context.endpoint.transport === 'ldaps' ? 'LDAPS' : 'StartTLS'}.`,
      { ...baseDetails(context), systemCode: code },
      { cause: error },
    );
  }
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /Connection closed|Socket error|socket connection not established/i.test(message)
  ) {
    return new DirectoryError(
      'CONNECTION_LOST',
      `The connection to ${server} was lost during ${context.stage === 'search' ? 'a search' : `the ${context.stage} step`}.`,
      { ...baseDetails(context), ...(code === undefined ? {} : { systemCode: code }) },
      { cause: error },
    );
  }
  return new DirectoryError(
    'LDAP_ERROR',
    `Talking to ${server} failed during the ${context.stage} step: ${message}`,
    { ...baseDetails(context), ...(code === undefined ? {} : { systemCode: code }) },
    { cause: error },
  );
}

export function cancelled(context: ErrorContext): DirectoryError {
  return new DirectoryError(
    'CANCELLED',
    `Cancelled while talking to ${where(context.endpoint)}.`,
    baseDetails(context),
  );
}
