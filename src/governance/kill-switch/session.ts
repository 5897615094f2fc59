import type { ConnectionTarget } from '../../api/schemas';
import { close, connectToTarget, readRootDse, type DirectoryConnection } from '../../directory';
import type { OperatorIdentity } from './guardrails';
import { resolveOperator } from './operator';
import { stateReader, type StateReader } from './read-state';

/** One bound connection for one action, with what every account of it needs. */
export interface KillSwitchSession {
  connection: DirectoryConnection;
  /** The domain's root: groups and moved accounts are looked for under it, whatever base the scans use. */
  namingContext: string;
  operator: OperatorIdentity;
  /** The bind name, for the record. */
  boundAs: string;
  /** host:port of the DC written to, for the record. */
  dc: string;
  states: StateReader;
}

/**
 * Binds with the password given for this action — never a saved one: a
 * destructive action is always authorised afresh — works, and unbinds
 * whatever happens.
 */
export async function withSession<T>(
  target: ConnectionTarget,
  password: string,
  signal: AbortSignal | undefined,
  work: (session: KillSwitchSession) => Promise<T>,
): Promise<T> {
  const connection = await connectToTarget(target, password, signal === undefined ? {} : { signal });
  try {
    const rootDse = await readRootDse(connection, signal === undefined ? {} : { signal });
    const namingContext = rootDse.defaultNamingContext;
    const operator = await resolveOperator(connection, namingContext);
    return await work({
      connection,
      namingContext,
      operator,
      boundAs: connection.bindName,
      dc: `${connection.endpoint.host}:${connection.endpoint.port}`,
      states: stateReader(connection),
    });
  } finally {
    await close(connection);
  }
}
