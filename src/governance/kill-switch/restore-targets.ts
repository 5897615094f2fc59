import { breakGlassEntryFor } from './break-glass';
import type { ContainmentHistory } from './containments';
import type { AccountState } from './record-schemas';

function normalizedGuid(text: string): string {
  return text
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
}

/**
 * The accounts an undo names, by objectGUID, sAMAccountName, UPN, DN or SID
 * as the kill switch recorded them (before or after the containment: a
 * quarantined account is found by its old DN too). Each once, in the order
 * named; the references that name no contained account are returned apart.
 */
export function restoreTargets(
  history: ContainmentHistory,
  references: readonly string[],
): { objectGuids: string[]; missing: string[] } {
  const states: AccountState[] = [...history.known, ...[...history.open.values()].map((open) => open.original)];
  const guids = new Set(states.map((state) => state.objectGuid));
  const found: string[] = [];
  const missing: string[] = [];
  for (const reference of references) {
    const guid = normalizedGuid(reference);
    const match = guids.has(guid) ? guid : states.find((state) => breakGlassEntryFor(state, [reference]))?.objectGuid;
    if (match === undefined) missing.push(reference);
    else if (!found.includes(match)) found.push(match);
  }
  return { objectGuids: found, missing };
}
