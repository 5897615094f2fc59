import { createSecureContext, rootCertificates, type ConnectionOptions, type SecureContext } from 'node:tls';

export interface TlsTrust {
  /** PEM of one or more CA certificates to trust besides the system roots. */
  caPem?: string;
  /** The name to expect in the certificate, when it differs from the host connected to. */
  serverName?: string;
}

const MIN_VERSION = 'TLSv1.2';

/** The native half of Node's SecureContext, which its typings leave out. */
interface NativeSecureContext {
  addCACert?: (pem: string) => void;
}

/**
 * The system roots plus the user's CA. Node's `ca` option would replace the
 * roots, and handing it the roots' PEM text costs about 50 ms of parsing per
 * connection; a context starts from the roots Node already parsed, and its
 * native addCACert adds to them. Where that is missing, the `ca` option.
 */
function trustingAlso(caPem: string): Pick<ConnectionOptions, 'ca' | 'secureContext'> {
  const context = createSecureContext({ minVersion: MIN_VERSION });
  const native = (context as SecureContext & { context?: NativeSecureContext }).context;
  if (typeof native?.addCACert !== 'function') return { ca: [...rootCertificates, caPem] };
  native.addCACert(caPem);
  return { secureContext: context };
}

/** Certificates are always verified; a CA given by the user is added to the system roots, not put in their place. */
export function buildTlsOptions(trust: TlsTrust): ConnectionOptions {
  const options: ConnectionOptions = { rejectUnauthorized: true, minVersion: MIN_VERSION };
  if (trust.caPem !== undefined && trust.caPem.trim() !== '') Object.assign(options, trustingAlso(trust.caPem));
  if (trust.serverName !== undefined && trust.serverName.trim() !== '') options.servername = trust.serverName.trim();
  return options;
}
