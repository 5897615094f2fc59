import { UAC_FLAGS } from '../../directory/uac-flags';
import { dnKey } from '../../inventory/group-graph';
import type { AccountState, ContainmentSteps } from './record-schemas';
import { stampDescription, stampInfo, type StampFacts } from './stamp';

/** One step of a containment as it would apply to an account in its current state. */
export type PlannedStep =
  | { step: 'disable'; noOp: boolean; summary: string; userAccountControl: number }
  | { step: 'reset-password'; noOp: false; summary: string }
  | { step: 'remove-groups'; noOp: boolean; summary: string; groups: string[] }
  | { step: 'quarantine'; noOp: boolean; summary: string; ou: string }
  | { step: 'stamp'; noOp: boolean; summary: string; description: string; info: string };

/** Why the primary group is left: AD refuses to remove it, and saying so beats a silent gap. */
export function primaryGroupNote(state: AccountState): string | undefined {
  if (state.primaryGroupId === null) return undefined;
  const group = state.primaryGroupDn ?? `the group with RID ${state.primaryGroupId}`;
  return `The primary group ${group} stays: AD does not let an account leave its primary group (set another primaryGroupID first to take it out).`;
}

function planDisable(state: AccountState): PlannedStep {
  const uac = state.userAccountControl;
  const disabled = uac | UAC_FLAGS.ACCOUNTDISABLE;
  return disabled === uac
    ? { step: 'disable', noOp: true, summary: `already disabled (userAccountControl ${uac})`, userAccountControl: uac }
    : {
        step: 'disable',
        noOp: false,
        summary: `disable: userAccountControl ${uac} → ${disabled}`,
        userAccountControl: disabled,
      };
}

function planRemoveGroups(state: AccountState): PlannedStep {
  const note = primaryGroupNote(state);
  const suffix = note === undefined ? '' : ` ${note}`;
  if (state.groups.length === 0) {
    return { step: 'remove-groups', noOp: true, summary: `in no group to leave.${suffix}`, groups: [] };
  }
  return {
    step: 'remove-groups',
    noOp: false,
    summary: `remove from ${state.groups.length} group(s): ${state.groups.join('; ')}.${suffix}`,
    groups: [...state.groups],
  };
}

function planQuarantine(state: AccountState, ou: string): PlannedStep {
  if (dnKey(state.ou) === dnKey(ou)) {
    return { step: 'quarantine', noOp: true, summary: `already in ${ou}`, ou };
  }
  return { step: 'quarantine', noOp: false, summary: `move from ${state.ou} to ${ou}, keeping its name`, ou };
}

function planStamp(state: AccountState, facts: StampFacts): PlannedStep {
  const description = stampDescription(facts);
  const info = stampInfo(facts, state.info);
  const noOp = state.description === description && state.info === info;
  return {
    step: 'stamp',
    noOp,
    summary: noOp ? 'already stamped' : `description and info: "${description}"`,
    description,
    info,
  };
}

/**
 * What each asked-for step would do to the account as AD has it now, in the
 * order they run; a step whose effect is already there is a no-op, which
 * makes a second run of the same containment change nothing.
 */
export function planContainmentSteps(state: AccountState, steps: ContainmentSteps, stamp: StampFacts): PlannedStep[] {
  const planned: PlannedStep[] = [];
  if (steps.disable) planned.push(planDisable(state));
  if (steps.resetPassword) {
    planned.push({ step: 'reset-password', noOp: false, summary: 'set a random password nobody knows' });
  }
  if (steps.removeGroups) planned.push(planRemoveGroups(state));
  if (steps.quarantineOu !== null) planned.push(planQuarantine(state, steps.quarantineOu));
  if (steps.stamp) planned.push(planStamp(state, stamp));
  return planned;
}

/** True when no step is asked for: a containment that would do nothing is a mistake. */
export function noStepAsked(steps: ContainmentSteps): boolean {
  return !steps.disable && !steps.resetPassword && !steps.removeGroups && steps.quarantineOu === null && !steps.stamp;
}
