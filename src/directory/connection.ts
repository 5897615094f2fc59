import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Client } from 'ldapts';
import { raceAbort } from './abortable';
import { resolveEndpoint, type Endpoint } from './endpoint';
import { DirectoryError, type Transport } from './errors';
import { cancelled, toDirectoryError, type ErrorContext, type Stage } from './map-error';
import { buildTlsOptions } from './tls-options';

export interface ConnectOptions {
  host: string;
  /** Defaults: 636 for LDAPS, 389 for StartTLS and plain LDAP. */
  port?: number;
  transport: Transport;
  /** Plain LDAP sends the password in clear text; it must be allowed explicitly. */
  allowPlainLdap: boolean;
  /**
   * And each bind over plain LDAP must be confirmed again, by the person who is
   * about to send the password: allowing plain LDAP in a profile is not enough.
   */
  confirmPlainTextBind?: boolean;
  /** CA certificate(s) to trust besides the system roots. */
  caPem?: string;
  /** The name to expect in the certificate, e.g. when connecting by IP address. */
  serverName?: string;
  /** user@domain, DOMAIN\user or a DN: AD accepts all three for a simple bind. */
  bindName: string;
  password: string;
  /** Limit for connecting and for each operation. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Reports the step under way, for progress displays. */
  onPhase?: (phase: 'connecting' | 'binding') => void;
}

/** An open, bound connection. Only this folder talks LDAP; other code holds this handle. */
export interface DirectoryConnection {
  readonly endpoint: Endpoint;
  readonly bindName: string;
  readonly timeoutMs: number;
  readonly serverName: string | undefined;
}

const clients = new WeakMap<DirectoryConnection, Client>();

/** The ldapts client behind a connection, for the operations of this folder. */
export function clientOf(connection: DirectoryConnection): Client {
  const client = clients.get(connection);
  if (!client) {
    throw new DirectoryError('CONNECTION_CLOSED', `The connection to ${connection.endpoint.host} was already closed.`, {
      host: connection.endpoint.host,
      port: connection.endpoint.port,
      transport: connection.endpoint.transport,
    });
  }
  return client;
}

export function errorContext(
  connection: DirectoryConnection,
  stage: Stage,
  extra: Partial<ErrorContext> = {},
): ErrorContext {
  const { host, port, transport } = connection.endpoint;
  return {
    endpoint: { host, port, transport },
    stage,
    bindName: connection.bindName,
    timeoutMs: connection.timeoutMs,
    ...(connection.serverName === undefined ? {} : { serverName: connection.serverName }),
    ...extra,
  };
}

/**
 * Opens a connection, secures it and binds. Certificates are always verified.
 * Whatever fails, the half-open client is unbound: a client left connected
 * keeps the process alive.
 */
export async function connect(options: ConnectOptions): Promise<DirectoryConnection> {
  const endpoint = resolveEndpoint(options);
  const serverName = options.serverName?.trim() || undefined;
  const context = (stage: Stage): ErrorContext => ({
    endpoint: { host: endpoint.host, port: endpoint.port, transport: endpoint.transport },
    stage,
    bindName: options.bindName,
    timeoutMs: options.timeoutMs,
    ...(serverName === undefined ? {} : { serverName }),
  });
  if (options.password === '') {
    throw new DirectoryError(
      'EMPTY_PASSWORD',
      `No password given for ${options.bindName}: AD would treat the bind as anonymous.`,
      { host: endpoint.host, port: endpoint.port, transport: endpoint.transport, bindName: options.bindName },
    );
  }
  if (endpoint.transport === 'ldap' && options.confirmPlainTextBind !== true) {
    throw new DirectoryError(
      'PLAIN_LDAP_NOT_CONFIRMED',
      `Binding as ${options.bindName} over plain LDAP to ${endpoint.host}:${endpoint.port} sends the password in clear text: confirm this bind explicitly (each time), or use LDAPS or StartTLS.`,
      { host: endpoint.host, port: endpoint.port, transport: endpoint.transport, bindName: options.bindName },
    );
  }

  if (options.signal?.aborted) throw cancelled(context('connect'));

  const tlsOptions = buildTlsOptions({
    ...(options.caPem === undefined ? {} : { caPem: options.caPem }),
    ...(serverName === undefined ? {} : { serverName }),
  });

  // ldapts connects lazily inside startTLS() or bind(): watching the socket tells a failure to
  // connect (or to complete the LDAPS handshake) from a failure of the step after it.
  let connected = false;
  const markConnected = <S extends NodeJS.EventEmitter>(socket: S, event: 'connect' | 'secureConnect'): S =>
    socket.once(event, () => {
      connected = true;
      // Over StartTLS, binding starts only once the upgrade is done.
      if (endpoint.transport !== 'starttls') options.onPhase?.('binding');
    });
  // ldapts speaks TLS from the first byte whenever tlsOptions are given, even on ldap://: StartTLS must not get them here.
  const client = new Client({
    url: endpoint.url,
    connectTimeout: options.timeoutMs,
    timeout: options.timeoutMs,
    ...(endpoint.transport === 'ldaps'
      ? {
          tlsOptions,
          createSecureConnection: ((...args: Parameters<typeof tlsConnect>) =>
            markConnected(tlsConnect(...args), 'secureConnect')) as typeof tlsConnect,
        }
      : {
          createConnection: ((...args: Parameters<typeof netConnect>) =>
            markConnected(netConnect(...args), 'connect')) as typeof netConnect,
        }),
  });

  let step: Stage = 'connect';
  const stage = (): Stage => (connected ? step : 'connect');
  const steps = async (): Promise<void> => {
    options.onPhase?.('connecting');
    if (endpoint.transport === 'starttls') {
      step = 'starttls';
      // With the socket handed over, Node checks the certificate against `host` unless a server name is set.
      await client.startTLS({ ...tlsOptions, host: endpoint.host });
      options.onPhase?.('binding');
    }
    step = 'bind';
    await client.bind(options.bindName, options.password);
  };

  let bound = false;
  try {
    await raceAbort(steps(), {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      // Covers the StartTLS handshake, which ldapts does not time.
      timeoutMs: options.timeoutMs * 2,
      onAbort: () => cancelled(context(stage())),
      onTimeout: () => toDirectoryError(new Error('Operation timed out'), context(stage())),
    });
    bound = true;
  } catch (error) {
    throw toDirectoryError(error, context(stage()));
  } finally {
    if (!bound) await client.unbind().catch(() => undefined);
  }

  const connection: DirectoryConnection = {
    endpoint,
    bindName: options.bindName,
    timeoutMs: options.timeoutMs,
    serverName,
  };
  clients.set(connection, client);
  return connection;
}

/** Unbinds and forgets the client. Never throws: closing is what error paths do. */
export async function close(connection: DirectoryConnection): Promise<void> {
  const client = clients.get(connection);
  if (!client) return;
  clients.delete(connection);
  try {
    await client.unbind();
  } catch {
    // The socket is gone either way.
  }
}

const WHO_AM_I_OID = '1.3.6.1.4.1.4203.1.11.3';

/**
 * The identity the server bound us as ("CORP\\svc-warden"), or undefined when the
 * server does not implement "Who am I?" (Samba 4.17 answers protocolError).
 */
export async function whoAmI(connection: DirectoryConnection): Promise<string | undefined> {
  try {
    const { value } = await clientOf(connection).exop(WHO_AM_I_OID);
    return value === undefined || value === '' ? undefined : value.replace(/^u:/, '');
  } catch {
    return undefined;
  }
}
