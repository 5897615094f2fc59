import { raceAbort } from './abortable';
import { clientOf, errorContext, type DirectoryConnection } from './connection';
import { decodeGuid } from './decode-guid';
import { isDirectoryError } from './errors';
import { cancelled, toDirectoryError } from './map-error';

/**
 * The invocationId of the DC's directory database: the attribute of its NTDS
 * Settings object (the rootDSE's dsServiceName). USNs are only comparable
 * between two reads of the same invocationId — a restored DC gets a new one —
 * so an incremental rescan checks it before trusting uSNChanged.
 * Undefined when the object cannot be read (missing, or no right to read it).
 */
export async function readInvocationId(
  connection: DirectoryConnection,
  dsServiceName: string,
  options: { signal?: AbortSignal } = {},
): Promise<string | undefined> {
  const context = errorContext(connection, 'search', { base: dsServiceName });
  try {
    const { searchEntries } = await raceAbort(
      clientOf(connection).search(dsServiceName, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['invocationId'],
        explicitBufferAttributes: ['invocationId', 'invocationID'],
      }),
      { ...(options.signal === undefined ? {} : { signal: options.signal }), onAbort: () => cancelled(context) },
    );
    const entry = searchEntries[0];
    const key = entry === undefined ? undefined : Object.keys(entry).find((k) => k.toLowerCase() === 'invocationid');
    const value = entry === undefined || key === undefined ? undefined : entry[key];
    const bytes = Array.isArray(value) ? value[0] : value;
    return Buffer.isBuffer(bytes) ? decodeGuid(bytes, 'invocationId') : undefined;
  } catch (error) {
    const mapped = toDirectoryError(error, context);
    if (isDirectoryError(mapped, 'NO_SUCH_OBJECT') || isDirectoryError(mapped, 'INSUFFICIENT_ACCESS')) return undefined;
    throw mapped;
  }
}
