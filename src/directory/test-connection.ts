import { performance } from 'node:perf_hooks';
import type { OperationOutput, ProgressOf } from '../api/contract';
import type { ConnectionTarget } from '../api/schemas';
import { close, whoAmI } from './connection';
import { connectToTarget } from './connect-target';
import { countAccounts } from './count-accounts';
import { readRootDse } from './root-dse';

export type ConnectionReport = OperationOutput<'testConnection'>;
export type TestConnectionProgress = ProgressOf<'testConnection'>;

/**
 * The app's "test connection": connect and bind as the profile says, read the
 * rootDSE and count the accounts a scan would read, reporting each step.
 */
export async function testConnection(
  target: ConnectionTarget,
  password: string,
  options: { signal?: AbortSignal; onProgress?: (progress: TestConnectionProgress) => void } = {},
): Promise<ConnectionReport> {
  const started = performance.now();
  const report = (phase: TestConnectionProgress['phase'], accountsCounted = 0): void =>
    options.onProgress?.({ phase, accountsCounted });
  const signal = options.signal === undefined ? {} : { signal: options.signal };

  const connection = await connectToTarget(target, password, { ...signal, onPhase: (phase) => report(phase) });
  try {
    report('reading-rootdse');
    const rootDse = await readRootDse(connection, signal);
    report('counting');
    const accountCount = await countAccounts(connection, target.baseDn ?? rootDse.defaultNamingContext, {
      ...signal,
      onProgress: (counted) => report('counting', counted),
    });
    return {
      url: connection.endpoint.url,
      transport: connection.endpoint.transport,
      certificateVerified: connection.endpoint.transport !== 'ldap',
      defaultNamingContext: rootDse.defaultNamingContext,
      dnsHostName: rootDse.dnsHostName ?? null,
      domainFunctionality: rootDse.domainFunctionality ?? null,
      highestCommittedUSN: rootDse.highestCommittedUSN ?? null,
      boundAs: (await whoAmI(connection)) ?? target.bindName,
      accountCount,
      durationMs: performance.now() - started,
    };
  } finally {
    await close(connection);
  }
}
