import { containAccount } from './contain-account';
import { checkBulkConfirmation } from './bulk-confirmation';
import { KERBEROS_NOTE } from './notes';
import { prepareContainment, type ContainmentCall } from './prepare';
import { checkQuarantineOu } from './quarantine-ou';
import type { AccountResult, ContainmentSteps, ResultKind } from './record-schemas';
import { countResults, notReached, type AccountProgress } from './results';
import { withSession } from './session';

export interface ContainmentRequest extends ContainmentCall {
  /** Required, and equal to the number of accounts selected, when there is more than one. */
  confirmCount?: number;
  onProgress?: (progress: AccountProgress) => void;
}

export interface ContainmentReport {
  snapshotId: string;
  boundAs: string;
  dc: string;
  reason: string;
  steps: ContainmentSteps;
  results: AccountResult[];
  counts: Record<ResultKind, number>;
  /** True when cancelled between two accounts: the results after that say "not reached". */
  cancelled: boolean;
  notes: string[];
}

/**
 * The kill switch: contains each selected account of the latest snapshot
 * with the steps asked for, one account after another, each recorded in the
 * audit log as it finishes. A cancel is honoured between accounts only, so
 * no account is ever left with half its steps.
 */
export async function containAccounts(request: ContainmentRequest): Promise<ContainmentReport> {
  const prepared = await prepareContainment(request);
  const accounts = prepared.selection.accounts;
  checkBulkConfirmation(accounts.length, request.confirmCount);
  return withSession(request.target, request.password, request.signal, async (session) => {
    await checkQuarantineOu(session.connection, request.steps.quarantineOu);
    const context = {
      store: request.store,
      session,
      guard: { operator: session.operator, breakGlass: prepared.breakGlass },
      actor: `${request.actor} as ${session.boundAs}`,
      reason: prepared.reason,
      steps: request.steps,
    };
    const results: AccountResult[] = [];
    let cancelled = false;
    for (const account of accounts) {
      if (request.signal?.aborted) {
        cancelled = true;
        results.push(notReached(account));
        continue;
      }
      const result = await containAccount(context, account);
      results.push(result);
      request.onProgress?.({
        done: results.length,
        total: accounts.length,
        objectGuid: result.objectGuid,
        samAccountName: result.samAccountName,
        result: result.result,
      });
    }
    return {
      snapshotId: prepared.selection.snapshotId,
      boundAs: session.boundAs,
      dc: session.dc,
      reason: prepared.reason,
      steps: request.steps,
      results,
      counts: countResults(results),
      cancelled,
      notes: request.steps.disable ? [KERBEROS_NOTE] : [],
    };
  });
}
