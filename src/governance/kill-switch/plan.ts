import { serializeError } from '../../errors';
import { guardrailFor } from './guardrails';
import { KERBEROS_NOTE } from './notes';
import { planContainmentSteps, primaryGroupNote, type PlannedStep } from './plan-steps';
import { prepareContainment, type ContainmentCall } from './prepare';
import { checkQuarantineOu } from './quarantine-ou';
import type { AccountState, ContainmentSteps, Refusal } from './record-schemas';
import { withSession } from './session';

export interface AccountPlan {
  objectGuid: string;
  samAccountName: string;
  dn: string;
  /** As AD has it now; null when it could not be read. */
  state: AccountState | null;
  refusal: Refusal | null;
  /** Why the account could not be planned (not found, unreadable); null otherwise. */
  problem: string | null;
  steps: { step: PlannedStep['step']; noOp: boolean; summary: string }[];
  notes: string[];
}

export interface ContainmentPlan {
  snapshotId: string;
  boundAs: string;
  dc: string;
  reason: string;
  steps: ContainmentSteps;
  /** The number a bulk action must be confirmed with: every account selected. */
  confirmCount: number;
  accounts: AccountPlan[];
  counts: { willChange: number; alreadyContained: number; refused: number; problems: number };
  notes: string[];
}

function countPlans(accounts: readonly AccountPlan[]): ContainmentPlan['counts'] {
  const counts = { willChange: 0, alreadyContained: 0, refused: 0, problems: 0 };
  for (const account of accounts) {
    if (account.problem !== null) counts.problems += 1;
    else if (account.refusal !== null) counts.refused += 1;
    else if (account.steps.every((step) => step.noOp)) counts.alreadyContained += 1;
    else counts.willChange += 1;
  }
  return counts;
}

/**
 * What a containment would do, read from AD as it is now, with nothing
 * changed and nothing recorded: the prior state of each account, the
 * guardrail that would refuse it, and each step or the reason it is a no-op.
 */
export async function planContainment(call: ContainmentCall): Promise<ContainmentPlan> {
  const prepared = await prepareContainment(call);
  return withSession(call.target, call.password, call.signal, async (session) => {
    await checkQuarantineOu(session.connection, call.steps.quarantineOu);
    const guard = { operator: session.operator, breakGlass: prepared.breakGlass };
    const stamp = {
      actor: `${call.actor} as ${session.boundAs}`,
      at: new Date().toISOString(),
      reason: prepared.reason,
    };
    const accounts: AccountPlan[] = [];
    for (const account of prepared.selection.accounts) {
      const plan: AccountPlan = { ...account, state: null, refusal: null, problem: null, steps: [], notes: [] };
      accounts.push(plan);
      let state: AccountState | undefined;
      try {
        state = await session.states.read(account.objectGuid);
      } catch (error) {
        plan.problem = `Could not read the account: ${serializeError(error).message}`;
        continue;
      }
      if (state === undefined) {
        plan.problem = `No object with objectGUID ${account.objectGuid} exists on ${session.dc} any more.`;
        continue;
      }
      Object.assign(plan, { samAccountName: state.samAccountName, dn: state.dn, state });
      plan.refusal = guardrailFor(state, guard) ?? null;
      if (plan.refusal !== null) continue;
      plan.steps = planContainmentSteps(state, call.steps, stamp).map(({ step, noOp, summary }) => ({
        step,
        noOp,
        summary,
      }));
      const primary = call.steps.removeGroups ? primaryGroupNote(state) : undefined;
      if (primary !== undefined) plan.notes.push(primary);
    }
    return {
      snapshotId: prepared.selection.snapshotId,
      boundAs: session.boundAs,
      dc: session.dc,
      reason: prepared.reason,
      steps: call.steps,
      confirmCount: accounts.length,
      accounts,
      counts: countPlans(accounts),
      notes: call.steps.disable ? [KERBEROS_NOTE] : [],
    };
  });
}
