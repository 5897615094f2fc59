import type { DirectoryConnection } from './connection';
import { ACCOUNT_FILTER } from './filters';
import { searchPaged } from './search';

export interface CountOptions {
  signal?: AbortSignal;
  /** Called after each page with the number counted so far. */
  onProgress?: (countedSoFar: number) => void;
  pageSize?: number;
}

/** The number of accounts Warden would scan under `baseDn`, reading no attributes. */
export async function countAccounts(
  connection: DirectoryConnection,
  baseDn: string,
  options: CountOptions = {},
): Promise<number> {
  let count = 0;
  for await (const page of searchPaged(connection, {
    base: baseDn,
    scope: 'sub',
    filter: ACCOUNT_FILTER,
    // "1.1": no attributes, only the DNs.
    attributes: ['1.1'],
    pageSize: options.pageSize ?? 1000,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })) {
    count += page.length;
    options.onProgress?.(count);
  }
  return count;
}
