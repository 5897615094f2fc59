import type { Reconciliation } from '../hr/reconcile';
import type { AccountOutcome } from '../hr/outcomes';

export interface PageRequest {
  outcome?: AccountOutcome;
  offset: number;
  limit: number;
}

/** A reconciliation as the app receives it: every figure, but one page of the (filtered) accounts. */
export function reconciliationPage(result: Reconciliation, page: PageRequest) {
  const accounts =
    page.outcome === undefined
      ? result.accounts
      : result.accounts.filter((account) => account.outcome === page.outcome);
  return {
    ...result,
    accounts: {
      total: accounts.length,
      offset: page.offset,
      items: accounts.slice(page.offset, page.offset + page.limit),
    },
  };
}
