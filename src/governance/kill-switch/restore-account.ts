import { serializeError } from '../../errors';
import type { Store } from '../../store';
import { applyRestore } from './apply-restore';
import { recordResult } from './audit-record';
import { changedSinceContainment, restoredOverNote } from './changed-since';
import type { OpenContainment } from './containments';
import { PASSWORD_NOT_RESTORED_NOTE } from './notes';
import { planRestore } from './plan-restore';
import { readCurrentState } from './read-current-state';
import { runSummary } from './run-steps';
import { RESTORE_ACTION, type AccountResult, type AccountState } from './record-schemas';
import type { KillSwitchSession } from './session';

export interface RestoreContext {
  store: Store;
  session: KillSwitchSession;
  actor: string;
  /** The operator's own reason, if given; else the undo names the containment it undoes. */
  reason: string | undefined;
  force: boolean;
}

type Unrecorded = Omit<AccountResult, 'auditSeq'>;

async function restore(context: RestoreContext, open: OpenContainment): Promise<Unrecorded & { forced: boolean }> {
  const base = { objectGuid: open.objectGuid, samAccountName: open.original.samAccountName, dn: open.original.dn };
  const empty = { refusal: null, steps: [], notes: [], before: null, after: null, forced: false };
  const read = await readCurrentState(
    context.session,
    open.objectGuid,
    `No object with objectGUID ${open.objectGuid} exists any more.`,
  );
  if ('failure' in read) return { ...base, ...empty, result: 'failed', message: read.failure };
  const current = read.state;
  const changed = changedSinceContainment(open.expected, current);
  if (changed !== undefined && !context.force) {
    return {
      ...base,
      ...empty,
      result: 'refused',
      message: `Refused: ${changed.message}`,
      refusal: changed,
      before: current,
      after: current,
    };
  }
  const run = await applyRestore(context.session.connection, current, planRestore(current, open.original));
  let after: AccountState | null = null;
  const notes = open.passwordReset ? [PASSWORD_NOT_RESTORED_NOTE] : [];
  try {
    after = (await context.session.states.read(open.objectGuid)) ?? null;
  } catch (error) {
    notes.push(`The state after the undo could not be read back: ${serializeError(error).message}`);
  }
  if (changed !== undefined) notes.push(restoredOverNote(changed));
  return {
    ...base,
    result: run.failure?.status ?? 'done',
    message: runSummary(run, {
      done: 'Restored',
      partly: 'Partly restored',
      nothing: 'Already as before the containment.',
    }),
    refusal: null,
    steps: run.outcomes,
    notes,
    before: current,
    after,
    forced: changed !== undefined,
  };
}

/** Undoes one account's open containment and records the undo in the audit log, whatever came of it. */
export async function restoreAccount(context: RestoreContext, open: OpenContainment): Promise<AccountResult> {
  const { forced, ...result } = await restore(context, open);
  const first = open.containments[0];
  const auditSeq = await recordResult(
    {
      store: context.store,
      actor: context.actor,
      action: RESTORE_ACTION,
      reason:
        context.reason ??
        `Undo of containment #${first ?? '?'}${open.firstReason === null ? '' : ` (${open.firstReason})`}`,
      boundAs: context.session.boundAs,
      dc: context.session.dc,
    },
    result,
    { undoes: open.containments, forced },
  );
  return { ...result, auditSeq };
}
