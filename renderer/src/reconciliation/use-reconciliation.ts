import { useCallback, useState } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import type { Bucket } from './outcomes';

export const ACCOUNTS_PAGE_SIZE = 50;

/**
 * The reconciliation of the latest snapshot, with one page of the accounts of
 * the bucket chosen. Employees without an account come whole with every
 * answer, so that bucket asks for no accounts beyond the one the contract requires.
 */
export function useReconciliation() {
  const [bucket, setBucket] = useState<Bucket>('leaver');
  const [offset, setOffset] = useState(0);
  const load = useCallback(
    () =>
      call(
        'getReconciliation',
        bucket === 'no-account' ? { limit: 1 } : { outcome: bucket, offset, limit: ACCOUNTS_PAGE_SIZE },
      ),
    [bucket, offset],
  );
  const query = useWardenQuery(load);
  const chooseBucket = useCallback((next: Bucket) => {
    setBucket(next);
    setOffset(0);
  }, []);
  return { ...query, bucket, chooseBucket, offset, setOffset };
}
