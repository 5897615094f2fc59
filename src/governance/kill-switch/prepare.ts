import type { ConnectionTarget } from '../../api/schemas';
import { currentPolicy } from '../../risk';
import type { Store } from '../../store';
import { KillSwitchError } from './errors';
import { noStepAsked } from './plan-steps';
import { requireReason } from './reason';
import type { ContainmentSteps } from './record-schemas';
import { selectAccounts, type AccountSelection, type Selection } from './select-accounts';

/** What every kill-switch action needs: where, as whom (with a password given now), by whom. */
export interface KillSwitchCall {
  store: Store;
  target: ConnectionTarget;
  /** Given for this action: a saved password is never used for a destructive action. */
  password: string;
  /** The person acting: the local account running Warden. */
  actor: string;
  signal?: AbortSignal;
}

export interface ContainmentCall extends KillSwitchCall {
  /** The bundled resources: the default policy holds the break-glass list when none is saved. */
  resourcesDir: string;
  reason: string;
  steps: ContainmentSteps;
  selection: AccountSelection;
}

export interface PreparedContainment {
  reason: string;
  selection: Selection;
  breakGlass: readonly string[];
}

/** Everything that can be checked before binding: a containment refused here has touched nothing. */
export async function prepareContainment(call: ContainmentCall): Promise<PreparedContainment> {
  const reason = requireReason(call.reason);
  if (noStepAsked(call.steps)) {
    throw new KillSwitchError(
      'NO_STEPS',
      'Choose at least one step: disable, reset password, remove groups, quarantine or stamp.',
    );
  }
  if (call.steps.resetPassword && call.target.transport === 'ldap') {
    throw new KillSwitchError(
      'PASSWORD_NEEDS_ENCRYPTION',
      `Setting a password over plain LDAP to ${call.target.host} would send it in clear text, and AD refuses it: connect with LDAPS or StartTLS. Nothing was changed.`,
      { host: call.target.host, transport: call.target.transport },
    );
  }
  const selection = await selectAccounts(call.store, call.selection, call.resourcesDir);
  const { policy } = await currentPolicy(call.store, call.resourcesDir);
  return { reason, selection, breakGlass: policy.breakGlass };
}
