import { dnKey } from '../../inventory/group-graph';
import type { AccountState, StateDifference } from './record-schemas';

function groupsText(groups: readonly string[]): string {
  return groups.length === 0 ? '(none)' : groups.join('; ');
}

const textOf = (value: string | null): string => value ?? '(empty)';

/**
 * How the account differs now from the state the kill switch recorded, in
 * what an undo would overwrite: where it is, whether it is enabled, its
 * groups, description and info. Anything else may change freely.
 */
export function stateDifferences(expected: AccountState, actual: AccountState): StateDifference[] {
  const differences: StateDifference[] = [];
  if (dnKey(expected.dn) !== dnKey(actual.dn))
    differences.push({ field: 'dn', expected: expected.dn, actual: actual.dn });
  if (expected.enabled !== actual.enabled) {
    const words = (enabled: boolean): string => (enabled ? 'enabled' : 'disabled');
    differences.push({ field: 'enabled', expected: words(expected.enabled), actual: words(actual.enabled) });
  }
  const keys = (groups: readonly string[]): string => groups.map(dnKey).sort().join('\n');
  if (keys(expected.groups) !== keys(actual.groups)) {
    differences.push({ field: 'groups', expected: groupsText(expected.groups), actual: groupsText(actual.groups) });
  }
  if (expected.description !== actual.description) {
    differences.push({
      field: 'description',
      expected: textOf(expected.description),
      actual: textOf(actual.description),
    });
  }
  if (expected.info !== actual.info) {
    differences.push({ field: 'info', expected: textOf(expected.info), actual: textOf(actual.info) });
  }
  return differences;
}
