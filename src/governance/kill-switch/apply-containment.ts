import {
  isDirectoryWriteError,
  modifyEntry,
  moveEntry,
  setAccountPassword,
  type DirectoryConnection,
} from '../../directory';
import type { PlannedStep } from './plan-steps';
import { randomPassword } from './random-password';
import type { AccountState } from './record-schemas';
import { runSteps, type StepsRun } from './run-steps';
import { PartialStepError } from './step-failure';

/** LDAP 16, noSuchAttribute: the value to delete is not there (the account already left that group). */
const NO_SUCH_VALUE = 16;

async function leaveGroups(
  connection: DirectoryConnection,
  memberDn: string,
  groups: readonly string[],
): Promise<string> {
  const left: string[] = [];
  const gone: string[] = [];
  for (const group of groups) {
    try {
      await modifyEntry(connection, group, [{ operation: 'delete', attribute: 'member', values: [memberDn] }]);
      left.push(group);
    } catch (error) {
      if (isDirectoryWriteError(error) && error.details?.['resultCode'] === NO_SUCH_VALUE) {
        gone.push(group);
        continue;
      }
      if (left.length === 0) throw error;
      throw new PartialStepError(`removed from ${left.join('; ')}`, error);
    }
  }
  const already = gone.length === 0 ? '' : ` (no longer in ${gone.join('; ')})`;
  return `removed from ${left.length} group(s): ${left.join('; ')}${already}`;
}

/**
 * Applies a containment's planned steps to one account, in order, each as
 * one LDAP request. The DN is carried along: after a move every later step
 * addresses the account where it now is.
 */
export function applyContainment(
  connection: DirectoryConnection,
  state: AccountState,
  planned: readonly PlannedStep[],
): Promise<StepsRun> {
  let dn = state.dn;
  return runSteps(planned, async (step) => {
    switch (step.step) {
      case 'disable':
        await modifyEntry(connection, dn, [
          { operation: 'replace', attribute: 'userAccountControl', values: [String(step.userAccountControl)] },
        ]);
        return `disabled (userAccountControl ${state.userAccountControl} → ${step.userAccountControl})`;
      case 'reset-password':
        // Never kept: nobody is meant to know it.
        await setAccountPassword(connection, dn, randomPassword());
        return 'set a random password nobody knows';
      case 'remove-groups':
        return leaveGroups(connection, dn, step.groups);
      case 'quarantine':
        dn = await moveEntry(connection, dn, step.ou);
        return `moved to ${dn}`;
      case 'stamp':
        await modifyEntry(connection, dn, [
          { operation: 'replace', attribute: 'description', values: [step.description] },
          { operation: 'replace', attribute: 'info', values: [step.info] },
        ]);
        return `stamped description and info: "${step.description}"`;
    }
  });
}
