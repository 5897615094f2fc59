import { useCallback, useState } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import type { AccountQuery, AccountSort } from '../risk/risk-types';

export const ACCOUNTS_PAGE_SIZE = 50;
const HIGHEST_RISK_FIRST: AccountSort = { field: 'score', direction: 'desc' };

/** One page of the latest snapshot's assessed accounts, for the query and order chosen. */
export function useAssessedAccounts(initialQuery: AccountQuery) {
  const [query, setQueryState] = useState<AccountQuery>(initialQuery);
  const [sort, setSortState] = useState<AccountSort>(HIGHEST_RISK_FIRST);
  const [offset, setOffset] = useState(0);
  const load = useCallback(
    () => call('listAssessedAccounts', { ...query, sort, offset, limit: ACCOUNTS_PAGE_SIZE }),
    [query, sort, offset],
  );
  const result = useWardenQuery(load);
  // Another query or order starts again from the first page.
  const setQuery = useCallback((next: AccountQuery) => {
    setQueryState(next);
    setOffset(0);
  }, []);
  const setSort = useCallback((next: AccountSort) => {
    setSortState(next);
    setOffset(0);
  }, []);
  return { ...result, query, setQuery, sort, setSort, offset, setOffset };
}
