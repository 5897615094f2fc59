import { rootCertificates, type ConnectionOptions } from 'node:tls';

export interface TlsTrust {
  /** PEM of one or more CA certificates to trust besides the system roots. */
  caPem?: string;
  /** The name to expect in the certificate, when it differs from the host connected to. */
  serverName?: string;
}

/**
 * Certificates are always verified. A CA given by the user is added to the
 * system roots rather than replacing them: Node's `ca` option replaces them.
 */
export function buildTlsOptions(trust: TlsTrust): ConnectionOptions {
  const options: ConnectionOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
  if (trust.caPem !== undefined && trust.caPem.trim() !== '') options.ca = [...rootCertificates, trust.caPem];
  if (trust.serverName !== undefined && trust.serverName.trim() !== '') options.servername = trust.serverName.trim();
  return options;
}
