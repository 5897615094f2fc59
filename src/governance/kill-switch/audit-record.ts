import type { AuditEntry, Store } from '../../store';
import { KillSwitchError } from './errors';
import {
  AccountStateSchema,
  CONTAIN_ACTION,
  RecordedOutcomeSchema,
  RESTORE_ACTION,
  type AccountResult,
  type AccountState,
  type RecordedOutcome,
} from './record-schemas';

/** What a kill-switch audit entry holds, read back with its shapes checked. */
export interface KillSwitchEntry {
  seq: number;
  at: string;
  actor: string;
  action: typeof CONTAIN_ACTION | typeof RESTORE_ACTION;
  reason: string | null;
  result: string;
  before: AccountState | null;
  after: RecordedOutcome;
}

/** A kill-switch entry, or undefined for any other entry (or one whose shape this version cannot read). */
export function readKillSwitchEntry(entry: AuditEntry): KillSwitchEntry | undefined {
  if (entry.action !== CONTAIN_ACTION && entry.action !== RESTORE_ACTION) return undefined;
  const before = entry.before === null ? null : AccountStateSchema.safeParse(entry.before);
  const after = RecordedOutcomeSchema.safeParse(entry.after);
  if (before?.success === false || !after.success) return undefined;
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    reason: entry.reason,
    result: entry.result,
    before: before === null ? null : before.data,
    after: after.data,
  };
}

export interface RecordContext {
  store: Store;
  actor: string;
  action: typeof CONTAIN_ACTION | typeof RESTORE_ACTION;
  reason: string;
  boundAs: string;
  dc: string;
}

/**
 * Appends one account's entry: who, when (the store's clock), what, why,
 * the state before and after, the result and every step. If the entry
 * cannot be written the run must stop: a change AD has made would otherwise
 * go unrecorded.
 */
export async function recordResult(
  context: RecordContext,
  result: Omit<AccountResult, 'auditSeq'>,
  extra: Pick<RecordedOutcome, 'requested' | 'undoes' | 'forced'>,
): Promise<number> {
  const after: RecordedOutcome = {
    objectGuid: result.objectGuid,
    state: result.after,
    steps: result.steps,
    notes: result.notes,
    refusal: result.refusal,
    message: result.message,
    boundAs: context.boundAs,
    dc: context.dc,
    ...extra,
  };
  try {
    const entry = await context.store.audit.append({
      actor: context.actor,
      action: context.action,
      target: result.before?.dn ?? result.dn,
      reason: context.reason,
      before: result.before,
      after,
      result: result.result,
    });
    return entry.seq;
  } catch (error) {
    const changed = result.steps.filter((step) => step.status === 'applied').map((step) => step.step);
    throw new KillSwitchError(
      'AUDIT_NOT_RECORDED',
      `The audit entry for ${result.samAccountName} could not be written, so the run stopped there. ${
        changed.length > 0 ? `AD was changed (${changed.join(', ')}): ` : ''
      }${result.message}`,
      { objectGuid: result.objectGuid, dn: result.dn, result: result.result, applied: changed },
      { cause: error },
    );
  }
}
