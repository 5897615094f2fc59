import type { ConnectionTarget } from '../api/schemas';
import { connect, type ConnectOptions, type DirectoryConnection } from './connection';

/** Connects and binds as a connection profile (or the CLI's connection flags) describes. */
export function connectToTarget(
  target: ConnectionTarget,
  password: string,
  extra: Pick<ConnectOptions, 'signal' | 'onPhase'> = {},
): Promise<DirectoryConnection> {
  return connect({
    host: target.host,
    ...(target.port === undefined ? {} : { port: target.port }),
    transport: target.transport,
    allowPlainLdap: target.allowPlainLdap,
    ...(target.confirmPlainTextBind === undefined ? {} : { confirmPlainTextBind: target.confirmPlainTextBind }),
    ...(target.caPem === undefined ? {} : { caPem: target.caPem }),
    ...(target.serverName === undefined ? {} : { serverName: target.serverName }),
    bindName: target.bindName,
    password,
    timeoutMs: target.timeoutMs,
    ...(extra.signal === undefined ? {} : { signal: extra.signal }),
    ...(extra.onPhase === undefined ? {} : { onPhase: extra.onPhase }),
  });
}
