import { serializeError } from '../../errors';
import type { Store } from '../../store';
import { applyContainment } from './apply-containment';
import { recordResult } from './audit-record';
import { guardrailFor, type GuardrailContext } from './guardrails';
import { planContainmentSteps, primaryGroupNote } from './plan-steps';
import { CONTAIN_ACTION, type AccountResult, type AccountState, type ContainmentSteps } from './record-schemas';
import type { SelectedAccount } from './select-accounts';
import type { KillSwitchSession } from './session';
import { readCurrentState } from './read-current-state';
import { runSummary } from './run-steps';

export interface ContainContext {
  store: Store;
  session: KillSwitchSession;
  guard: GuardrailContext;
  /** The person and the account bound as: "alice as hd-tier1@corp.example.com". */
  actor: string;
  reason: string;
  steps: ContainmentSteps;
}

type Unrecorded = Omit<AccountResult, 'auditSeq'>;

async function readAfter(
  context: ContainContext,
  objectGuid: string,
): Promise<{ state: AccountState | null; note?: string }> {
  try {
    return { state: (await context.session.states.read(objectGuid)) ?? null };
  } catch (error) {
    return { state: null, note: `The state after the steps could not be read back: ${serializeError(error).message}` };
  }
}

/** Reads, checks and contains one account; whatever goes wrong ends in a result to record, not a throw. */
async function contain(context: ContainContext, account: SelectedAccount): Promise<Unrecorded> {
  const base = { objectGuid: account.objectGuid, samAccountName: account.samAccountName, dn: account.dn };
  const empty = { refusal: null, steps: [], notes: [], before: null, after: null };
  const read = await readCurrentState(
    context.session,
    account.objectGuid,
    `No object with objectGUID ${account.objectGuid} exists on ${context.session.dc} any more (deleted since the snapshot, or another domain).`,
  );
  if ('failure' in read) return { ...base, ...empty, result: 'failed', message: read.failure };
  const before = read.state;
  const named = { ...base, samAccountName: before.samAccountName, dn: before.dn };
  const refusal = guardrailFor(before, context.guard);
  if (refusal !== undefined) {
    return {
      ...named,
      ...empty,
      result: 'refused',
      message: `Refused: ${refusal.message}`,
      refusal,
      before,
      after: before,
    };
  }
  const planned = planContainmentSteps(before, context.steps, {
    actor: context.actor,
    at: new Date().toISOString(),
    reason: context.reason,
  });
  const run = await applyContainment(context.session.connection, before, planned);
  const after = await readAfter(context, account.objectGuid);
  const notes: string[] = [];
  const primary = context.steps.removeGroups ? primaryGroupNote(before) : undefined;
  if (primary !== undefined) notes.push(primary);
  if (after.note !== undefined) notes.push(after.note);
  return {
    ...named,
    result: run.failure?.status ?? 'done',
    message: runSummary(run, {
      done: 'Contained',
      partly: 'Partly contained',
      nothing: 'Already contained: nothing to change.',
    }),
    refusal: null,
    steps: run.outcomes,
    notes,
    before,
    after: after.state,
  };
}

/** Contains one account and records it in the audit log, whatever came of it. */
export async function containAccount(context: ContainContext, account: SelectedAccount): Promise<AccountResult> {
  const result = await contain(context, account);
  const auditSeq = await recordResult(
    {
      store: context.store,
      actor: context.actor,
      action: CONTAIN_ACTION,
      reason: context.reason,
      boundAs: context.session.boundAs,
      dc: context.session.dc,
    },
    result,
    { requested: context.steps },
  );
  return { ...result, auditSeq };
}
