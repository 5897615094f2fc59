import { raceAbort } from './abortable';
import { clientOf, errorContext, type DirectoryConnection } from './connection';
import { decodeSid } from './decode-sid';
import { cancelled, toDirectoryError } from './map-error';

/**
 * The SIDs of the bound account's token, from the rootDSE's tokenGroups: its
 * groups, nested and primary, as the DC computed them at bind time.
 */
export async function readTokenSids(
  connection: DirectoryConnection,
  options: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const context = errorContext(connection, 'search', { base: '(rootDSE)' });
  try {
    const { searchEntries } = await raceAbort(
      clientOf(connection).search('', {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['tokenGroups'],
        explicitBufferAttributes: ['tokenGroups'],
      }),
      { ...(options.signal === undefined ? {} : { signal: options.signal }), onAbort: () => cancelled(context) },
    );
    const entry = searchEntries[0] ?? { dn: '' };
    const key = Object.keys(entry).find((name) => name.toLowerCase() === 'tokengroups');
    const value: unknown = key === undefined ? [] : entry[key];
    return (Array.isArray(value) ? value : [value]).filter(Buffer.isBuffer).map((bytes) => decodeSid(bytes));
  } catch (error) {
    throw toDirectoryError(error, context);
  }
}
