import { UAC_FLAGS } from '../../directory/uac-flags';
import { dnKey } from '../../inventory/group-graph';
import type { AccountState } from './record-schemas';

/** One step of an undo, from the account as AD has it now back to the state recorded before its containment. */
export type PlannedRestore =
  | { step: 'move-back'; noOp: boolean; summary: string; dn: string }
  | { step: 'groups'; noOp: boolean; summary: string; add: string[]; remove: string[] }
  | { step: 'description'; noOp: boolean; summary: string; description: string | null; info: string | null }
  | { step: 'enable'; noOp: boolean; summary: string; userAccountControl: number };

function minus(from: readonly string[], taken: readonly string[]): string[] {
  const keys = new Set(taken.map(dnKey));
  return from.filter((dn) => !keys.has(dnKey(dn)));
}

function planGroups(current: AccountState, original: AccountState): PlannedRestore {
  const add = minus(original.groups, current.groups);
  const remove = minus(current.groups, original.groups);
  const parts = [
    ...(add.length === 0 ? [] : [`add back to ${add.join('; ')}`]),
    ...(remove.length === 0 ? [] : [`remove from ${remove.join('; ')}`]),
  ];
  return {
    step: 'groups',
    noOp: parts.length === 0,
    summary: parts.length === 0 ? 'already in its groups' : parts.join('; '),
    add,
    remove,
  };
}

function planEnable(current: AccountState, original: AccountState): PlannedRestore {
  const bit = UAC_FLAGS.ACCOUNTDISABLE;
  // Only the disabled flag goes back: other bits may have been changed on purpose since.
  const uac = original.enabled ? current.userAccountControl & ~bit : current.userAccountControl | bit;
  const words = original.enabled ? 'enabled' : 'disabled';
  return uac === current.userAccountControl
    ? { step: 'enable', noOp: true, summary: `already ${words}`, userAccountControl: uac }
    : {
        step: 'enable',
        noOp: false,
        summary: `${words} again: userAccountControl ${current.userAccountControl} → ${uac}`,
        userAccountControl: uac,
      };
}

/**
 * The steps that put the recorded prior state back: the DN first (so later
 * steps address the account where it belongs), then groups, description and
 * info, and the enabled flag last, so the account can sign in only once
 * everything else is back.
 */
export function planRestore(current: AccountState, original: AccountState): PlannedRestore[] {
  const moved = dnKey(current.dn) !== dnKey(original.dn);
  const texts = current.description === original.description && current.info === original.info;
  return [
    {
      step: 'move-back',
      noOp: !moved,
      summary: moved ? `move back to ${original.dn}` : `already at ${original.dn}`,
      dn: original.dn,
    },
    planGroups(current, original),
    {
      step: 'description',
      noOp: texts,
      summary: texts ? 'description and info already as before' : 'put description and info back as they were',
      description: original.description,
      info: original.info,
    },
    planEnable(current, original),
  ];
}
