import { DirectoryError, type EndpointDetails, type Transport } from './errors';

export interface Endpoint extends EndpointDetails {
  /** ldaps://host:port or ldap://host:port; StartTLS upgrades an ldap:// connection. */
  url: string;
}

export const DEFAULT_PORTS: Record<Transport, number> = { ldaps: 636, starttls: 389, ldap: 389 };

/** IPv6 literals go in brackets in a URL; the host given may already have them. */
function urlHost(host: string): string {
  if (host.startsWith('[')) return host;
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Where to connect and how. Plain LDAP is refused unless explicitly allowed,
 * because the bind password would cross the network in clear text.
 */
export function resolveEndpoint(options: {
  host: string;
  port?: number;
  transport: Transport;
  allowPlainLdap: boolean;
}): Endpoint {
  const host = options.host.trim();
  const port = options.port ?? DEFAULT_PORTS[options.transport];
  if (options.transport === 'ldap' && !options.allowPlainLdap) {
    throw new DirectoryError(
      'PLAIN_LDAP_REFUSED',
      `Plain LDAP to ${host}:${port} would send the password unencrypted. Use LDAPS or StartTLS, or allow plain LDAP explicitly for this connection.`,
      { host, port, transport: options.transport },
    );
  }
  const scheme = options.transport === 'ldaps' ? 'ldaps' : 'ldap';
  return { host, port, transport: options.transport, url: `${scheme}://${urlHost(host)}:${port}` };
}
