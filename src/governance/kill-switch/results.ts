import type { AccountResult, ResultKind } from './record-schemas';

/** Reported as each account finishes, for a progress display. */
export interface AccountProgress {
  /** Accounts finished so far, this one included. */
  done: number;
  total: number;
  objectGuid: string;
  samAccountName: string;
  result: ResultKind;
}

export function countResults(results: readonly AccountResult[]): Record<ResultKind, number> {
  const counts: Record<ResultKind, number> = { done: 0, refused: 0, denied: 0, failed: 0 };
  for (const result of results) counts[result.result] += 1;
  return counts;
}

/** An account the run never reached because it was cancelled: nothing was attempted, so nothing is recorded. */
export function notReached(account: { objectGuid: string; samAccountName: string; dn: string }): AccountResult {
  return {
    ...account,
    result: 'failed',
    message: 'Cancelled before this account was reached: nothing was changed on it.',
    refusal: null,
    steps: [],
    notes: [],
    before: null,
    after: null,
    auditSeq: null,
  };
}
