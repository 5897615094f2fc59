import { promises as dns } from 'node:dns';
import { DirectoryError } from './errors';

export interface DiscoveredDc {
  host: string;
  /** The LDAP port the record advertises (389); LDAPS is 636 on the same host. */
  port: number;
  priority: number;
  weight: number;
}

export interface DiscoveryOptions {
  /** DNS servers to ask ("ip" or "ip:port"); the system's when absent. */
  servers?: string[];
  timeoutMs?: number;
}

/** The SRV name Windows clients use to locate any domain controller of a domain (DC locator). */
export function dcLocatorName(domain: string): string {
  return `_ldap._tcp.dc._msdcs.${domain.trim().replace(/\.$/, '').toLowerCase()}`;
}

/**
 * Domain controllers advertised in DNS, in the order a client should try them:
 * lowest priority first, then highest weight (RFC 2782 without the weighted
 * random pick, so the order is stable for the user to read).
 */
export async function discoverDomainControllers(
  domain: string,
  options: DiscoveryOptions = {},
): Promise<DiscoveredDc[]> {
  const name = dcLocatorName(domain);
  const resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 5_000, tries: 2 });
  if (options.servers) resolver.setServers(options.servers);
  let records: Awaited<ReturnType<typeof resolver.resolveSrv>>;
  try {
    records = await resolver.resolveSrv(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    if (code === dns.NOTFOUND || code === dns.NODATA) {
      throw new DirectoryError(
        'DC_NOT_FOUND',
        `No domain controller is advertised for ${domain} (DNS has no ${name} record). ` +
          'Check the domain name, and that this computer uses the domain’s DNS servers; or type a domain controller’s name.',
        { domain, query: name },
        { cause: error },
      );
    }
    throw new DirectoryError(
      'DNS_FAILED',
      `Looking up the domain controllers of ${domain} failed (${code}): no DNS server answered the query for ${name}.`,
      { domain, query: name, dnsCode: code },
      { cause: error },
    );
  }
  return records
    .map((record) => ({
      host: record.name.replace(/\.$/, ''),
      port: record.port,
      priority: record.priority,
      weight: record.weight,
    }))
    .sort((a, b) => a.priority - b.priority || b.weight - a.weight || a.host.localeCompare(b.host));
}
