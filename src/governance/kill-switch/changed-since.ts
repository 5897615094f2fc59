import type { AccountState, Refusal } from './record-schemas';
import { stateDifferences } from './state-diff';

/**
 * Why an undo waits for the operator: the account changed since the kill
 * switch left it, or that cannot be ruled out. The words serve the app, the
 * CLI and the audit log alike, so they name no way of confirming: each front
 * end says its own (a button, a flag).
 */
export function changedSinceContainment(expected: AccountState | null, current: AccountState): Refusal | undefined {
  if (expected === null) {
    return {
      guardrail: 'changed-since-containment',
      message: 'The state the containment left was not recorded, so changes made since cannot be ruled out.',
      differences: [],
    };
  }
  const differences = stateDifferences(expected, current);
  if (differences.length === 0) return undefined;
  return {
    guardrail: 'changed-since-containment',
    message: `The account changed since its containment (${fieldList(differences)}): restoring would overwrite that.`,
    differences,
  };
}

/** The note of an undo confirmed over such a refusal: what it overwrote. */
export function restoredOverNote(refusal: Refusal): string {
  const differences = refusal.differences ?? [];
  return differences.length === 0
    ? 'Restored without the state the containment left to compare with: changes made since may have been overwritten.'
    : `Restored over changes made since the containment (${fieldList(differences)}).`;
}

function fieldList(differences: NonNullable<Refusal['differences']>): string {
  return differences.map((difference) => difference.field).join(', ');
}
