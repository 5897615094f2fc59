import { auditEntries } from '../audit-log/read-entries';
import { readKillSwitchEntry, type KillSwitchEntry } from './audit-record';
import { containmentHistory } from './containments';
import { KillSwitchError } from './errors';
import type { KillSwitchCall } from './prepare';
import type { AccountResult, ResultKind } from './record-schemas';
import { countResults, notReached, type AccountProgress } from './results';
import { restoreAccount } from './restore-account';
import { restoreTargets } from './restore-targets';
import { withSession } from './session';

export interface RestoreRequest extends KillSwitchCall {
  /** objectGUIDs, sAMAccountNames, UPNs, DNs or SIDs of contained accounts. */
  references: readonly string[];
  /** Go ahead even where the account changed since its containment (the differences are recorded). */
  force: boolean;
  reason?: string;
  onProgress?: (progress: AccountProgress) => void;
}

export interface RestoreReport {
  boundAs: string;
  dc: string;
  results: AccountResult[];
  counts: Record<ResultKind, number>;
  cancelled: boolean;
}

async function killSwitchEntries(request: RestoreRequest): Promise<KillSwitchEntry[]> {
  const entries: KillSwitchEntry[] = [];
  for await (const entry of auditEntries(request.store)) {
    const read = readKillSwitchEntry(entry);
    if (read !== undefined) entries.push(read);
  }
  return entries;
}

function nothingToUndo(objectGuid: string, seq: number | undefined, name: string, dn: string): AccountResult {
  return {
    objectGuid,
    samAccountName: name,
    dn,
    result: 'done',
    message:
      seq === undefined
        ? 'Nothing to undo: no containment of this account changed anything.'
        : `Nothing to undo: its last containment was already undone (audit entry #${seq}).`,
    refusal: null,
    steps: [],
    notes: [],
    before: null,
    after: null,
    auditSeq: null,
  };
}

/**
 * Undo: puts each named account back exactly as the audit log recorded it
 * before its containment — enabled flag, groups, OU, description and info.
 * An account changed since is left alone unless `force` says to go ahead.
 */
export async function restoreAccounts(request: RestoreRequest): Promise<RestoreReport> {
  const history = containmentHistory(await killSwitchEntries(request));
  const { objectGuids, missing } = restoreTargets(history, request.references);
  if (missing.length > 0 || objectGuids.length === 0) {
    throw new KillSwitchError(
      'NO_CONTAINMENT',
      missing.length > 0
        ? `The audit log records no containment of ${missing.join(', ')}: there is nothing to undo. Nothing was changed.`
        : 'Name at least one contained account.',
      { missing },
    );
  }
  return withSession(request.target, request.password, request.signal, async (session) => {
    const context = {
      store: request.store,
      session,
      actor: `${request.actor} as ${session.boundAs}`,
      reason: request.reason?.trim() || undefined,
      force: request.force,
    };
    const results: AccountResult[] = [];
    let cancelled = false;
    for (const objectGuid of objectGuids) {
      const open = history.open.get(objectGuid);
      const known = history.known.find((state) => state.objectGuid === objectGuid);
      let result: AccountResult;
      if (request.signal?.aborted) {
        cancelled = true;
        result = notReached({ objectGuid, samAccountName: known?.samAccountName ?? objectGuid, dn: known?.dn ?? '' });
      } else if (open === undefined) {
        result = nothingToUndo(
          objectGuid,
          history.restoredBy.get(objectGuid),
          known?.samAccountName ?? objectGuid,
          known?.dn ?? '',
        );
      } else {
        result = await restoreAccount(context, open);
      }
      results.push(result);
      request.onProgress?.({
        done: results.length,
        total: objectGuids.length,
        objectGuid,
        samAccountName: result.samAccountName,
        result: result.result,
      });
    }
    return { boundAs: session.boundAs, dc: session.dc, results, counts: countResults(results), cancelled };
  });
}
