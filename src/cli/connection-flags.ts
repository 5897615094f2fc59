import { readFileSync } from 'node:fs';
import { ConnectionTargetSchema, type ConnectionTarget } from '../api/schemas';
import { describeIssues } from '../api/router';
import { UsageError } from './cli-io';
import { stringOption, type OptionSpec, type OptionValues } from './command';

/** The flags every command that talks to AD accepts. */
export const connectionOptions: OptionSpec = {
  url: { type: 'string' },
  bind: { type: 'string' },
  ca: { type: 'string' },
  'server-name': { type: 'string' },
  base: { type: 'string' },
  starttls: { type: 'boolean', default: false },
  'allow-plain-ldap': { type: 'boolean', default: false },
  'confirm-plain-text-password': { type: 'boolean', default: false },
  timeout: { type: 'string' },
};

export const connectionHelp = [
  '--url ldaps://HOST[:PORT]   domain controller (ldaps:// default port 636; ldap:// needs --starttls)',
  '--bind USER                 bind as user@domain, DOMAIN\\user or a DN',
  '--ca FILE.pem               CA certificate(s) to trust besides the system roots',
  '--server-name NAME          name to expect in the DC certificate (when connecting by IP)',
  '--base DN                   search base (default: the defaultNamingContext of the DC)',
  '--starttls                  upgrade an ldap:// connection with StartTLS',
  '--allow-plain-ldap          allow ldap:// without TLS (the password travels in clear text)',
  '--confirm-plain-text-password  and confirm, for this run, that the bind password crosses the network in clear text',
  '--timeout SECONDS           connect and operation timeout (default 15)',
  'WARDEN_BIND_PASSWORD        bind password (asked without echo when unset on a terminal)',
];

export function parseConnectionFlags(values: OptionValues): ConnectionTarget {
  const url = stringOption(values, 'url');
  const bind = stringOption(values, 'bind');
  if (!url) throw new UsageError('--url is required, e.g. --url ldaps://dc1.corp.example.com');
  if (!bind) throw new UsageError('--bind is required, e.g. --bind svc-warden@corp.example.com');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url "${url}" is not a URL; write it as ldaps://HOST[:PORT]`);
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'ldaps' && scheme !== 'ldap') {
    throw new UsageError(`--url must start with ldaps:// or ldap://, not ${scheme}://`);
  }
  const starttls = values['starttls'] === true;
  if (scheme === 'ldaps' && starttls) throw new UsageError('--starttls goes with an ldap:// URL, not ldaps://');
  const transport = scheme === 'ldaps' ? 'ldaps' : starttls ? 'starttls' : 'ldap';

  const caFile = stringOption(values, 'ca');
  let caPem: string | undefined;
  if (caFile) {
    try {
      caPem = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new UsageError(`--ca ${caFile} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  const timeout = stringOption(values, 'timeout');
  const timeoutSeconds = timeout === undefined ? undefined : Number(timeout);
  if (timeoutSeconds !== undefined && !Number.isFinite(timeoutSeconds)) {
    throw new UsageError(`--timeout "${timeout}" is not a number of seconds`);
  }

  const candidate = {
    host: parsed.hostname,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    transport,
    allowPlainLdap: values['allow-plain-ldap'] === true,
    ...(caPem === undefined ? {} : { caPem }),
    ...(stringOption(values, 'server-name') ? { serverName: stringOption(values, 'server-name') } : {}),
    bindName: bind,
    ...(stringOption(values, 'base') ? { baseDn: stringOption(values, 'base') } : {}),
    ...(timeoutSeconds === undefined ? {} : { timeoutMs: Math.round(timeoutSeconds * 1000) }),
  };
  const result = ConnectionTargetSchema.safeParse(candidate);
  if (!result.success) throw new UsageError(`Invalid connection flags: ${describeIssues(result.error).join('; ')}`);
  return withPlainTextConfirmation(result.data, values);
}

/**
 * A password bind over plain LDAP takes a second, explicit "yes" on every run:
 * allowing plain LDAP (a flag, or a saved profile) is not enough on its own.
 */
export function withPlainTextConfirmation(target: ConnectionTarget, values: OptionValues): ConnectionTarget {
  const confirmed = values['confirm-plain-text-password'] === true;
  if (target.transport === 'ldap' && target.allowPlainLdap && !confirmed) {
    throw new UsageError(
      `${target.host} is reached over plain LDAP: the password of ${target.bindName} would cross the network in clear text. Add --confirm-plain-text-password to confirm it, or use LDAPS or StartTLS.`,
    );
  }
  return { ...target, confirmPlainTextBind: confirmed };
}
