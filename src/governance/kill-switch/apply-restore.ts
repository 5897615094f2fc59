import { modifyEntry, renameEntry, type DirectoryConnection } from '../../directory';
import type { PlannedRestore } from './plan-restore';
import type { AccountState } from './record-schemas';
import { runSteps, type StepsRun } from './run-steps';
import { PartialStepError } from './step-failure';

async function restoreGroups(
  connection: DirectoryConnection,
  memberDn: string,
  add: readonly string[],
  remove: readonly string[],
): Promise<string> {
  const done: string[] = [];
  const change = async (group: string, operation: 'add' | 'delete'): Promise<void> => {
    try {
      await modifyEntry(connection, group, [{ operation, attribute: 'member', values: [memberDn] }]);
      done.push(`${operation === 'add' ? 'added to' : 'removed from'} ${group}`);
    } catch (error) {
      if (done.length === 0) throw error;
      throw new PartialStepError(done.join('; '), error);
    }
  };
  for (const group of add) await change(group, 'add');
  for (const group of remove) await change(group, 'delete');
  return done.join('; ');
}

/** Applies an undo's planned steps to one account, in order, carrying its DN along as it moves back. */
export function applyRestore(
  connection: DirectoryConnection,
  current: AccountState,
  planned: readonly PlannedRestore[],
): Promise<StepsRun> {
  let dn = current.dn;
  return runSteps(planned, async (step) => {
    switch (step.step) {
      case 'move-back':
        dn = await renameEntry(connection, dn, step.dn);
        return `moved back to ${dn}`;
      case 'groups':
        return restoreGroups(connection, dn, step.add, step.remove);
      case 'description': {
        // An empty replace removes the attribute: what it was when it had no value.
        const value = (text: string | null): string[] => (text === null ? [] : [text]);
        await modifyEntry(connection, dn, [
          { operation: 'replace', attribute: 'description', values: value(step.description) },
          { operation: 'replace', attribute: 'info', values: value(step.info) },
        ]);
        return 'description and info put back';
      }
      case 'enable':
        await modifyEntry(connection, dn, [
          { operation: 'replace', attribute: 'userAccountControl', values: [String(step.userAccountControl)] },
        ]);
        return step.summary;
    }
  });
}
