import { hasUacFlag } from '../../directory/uac-flags';
import { ridOf } from '../../directory/decode-sid';
import { dnKey } from '../../inventory/group-graph';
import { breakGlassEntryFor } from './break-glass';
import type { AccountState, Refusal } from './record-schemas';

/** The account the action binds as: it must never lock itself (and the operator) out mid-run. */
export interface OperatorIdentity {
  dn: string;
  sid: string | null;
  samAccountName: string;
}

export interface GuardrailContext {
  operator: OperatorIdentity;
  /** The policy's break-glass list: names, DNs or SIDs. */
  breakGlass: readonly string[];
}

export type GuardedAccount = Pick<
  AccountState,
  'dn' | 'samAccountName' | 'userPrincipalName' | 'sid' | 'userAccountControl' | 'primaryGroupId'
>;

const ADMINISTRATOR_RID = 500;
const KRBTGT_RID = 502;
/** Domain Controllers and Read-only Domain Controllers. */
const DC_PRIMARY_GROUPS = new Set([516, 521]);
/** krbtgt, and the krbtgt_NNNNN account each read-only DC has. */
const KRBTGT_NAME = /^krbtgt(_\d+)?$/i;

function isDomainController(account: GuardedAccount): boolean {
  return (
    hasUacFlag(account.userAccountControl, 'SERVER_TRUST_ACCOUNT') ||
    hasUacFlag(account.userAccountControl, 'PARTIAL_SECRETS_ACCOUNT') ||
    (account.primaryGroupId !== null && DC_PRIMARY_GROUPS.has(account.primaryGroupId))
  );
}

function isOperator(account: GuardedAccount, operator: OperatorIdentity): boolean {
  if (account.sid !== null && operator.sid !== null) return account.sid.toUpperCase() === operator.sid.toUpperCase();
  return dnKey(account.dn) === dnKey(operator.dn);
}

/**
 * Why the kill switch must not touch this account, or undefined when it may.
 * Each of these, once disabled, breaks the domain or the way back: a DC stops
 * replicating, krbtgt stops Kerberos, the built-in Administrator is the last
 * resort, the operator's own account ends the run half-done, and break-glass
 * accounts exist for the day everything else is locked.
 */
export function guardrailFor(account: GuardedAccount, context: GuardrailContext): Refusal | undefined {
  const rid = account.sid === null ? undefined : ridOf(account.sid);
  const name = account.samAccountName;
  if (isDomainController(account)) {
    return {
      guardrail: 'domain-controller',
      message: `${name} is a domain controller's account (userAccountControl ${account.userAccountControl}, primary group ${account.primaryGroupId ?? 'unknown'}): disabling it stops the DC from working.`,
    };
  }
  if (rid === KRBTGT_RID || KRBTGT_NAME.test(name)) {
    return {
      guardrail: 'krbtgt',
      message: `${name} is the Kerberos ticket-granting account: it is never disabled. Reset its password twice (the documented krbtgt reset) instead.`,
    };
  }
  if (rid === ADMINISTRATOR_RID) {
    return {
      guardrail: 'built-in-administrator',
      message: `${name} is the domain's built-in Administrator (RID 500), the account of last resort: it is never disabled by the kill switch.`,
    };
  }
  if (isOperator(account, context.operator)) {
    return {
      guardrail: 'operator-account',
      message: `${name} is the account this action is bound as: disabling it would lock the operator out in the middle of the run.`,
    };
  }
  const entry = breakGlassEntryFor(account, context.breakGlass);
  if (entry !== undefined) {
    return {
      guardrail: 'break-glass',
      message: `${name} is on the policy's break-glass list (as "${entry}"): it must stay usable for emergencies. Remove it from the list first if it really must be contained.`,
    };
  }
  return undefined;
}
