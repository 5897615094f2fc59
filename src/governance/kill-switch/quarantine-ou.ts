import { readObject, type DirectoryConnection } from '../../directory';
import { KillSwitchError } from './errors';

/** The quarantine OU must exist before the first account is touched, not be found missing halfway through. */
export async function checkQuarantineOu(connection: DirectoryConnection, ou: string | null): Promise<void> {
  if (ou === null) return;
  if ((await readObject(connection, ou, ['1.1'])) !== undefined) return;
  throw new KillSwitchError(
    'QUARANTINE_OU_NOT_FOUND',
    `The quarantine OU ${ou} does not exist on ${connection.endpoint.host}: create it first. Nothing was changed.`,
    { ou, host: connection.endpoint.host },
  );
}
