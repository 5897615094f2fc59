import { hasUacFlag } from '../../directory/uac-flags';
import type { RiskRule } from './rule';

export const constrainedDelegation: RiskRule = {
  id: 'constrained-delegation',
  title: 'May act for users towards other services',
  rationale:
    'An account allowed to delegate (msDS-AllowedToDelegateTo), above all with protocol transition, can obtain tickets as any user to the listed services: whoever holds it can impersonate users there.',
  remediation:
    'Keep the list of services as short as possible; avoid protocol transition (TRUSTED_TO_AUTH_FOR_DELEGATION); mark privileged users "sensitive and cannot be delegated".',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 3,
  evaluate({ account }) {
    const transition = hasUacFlag(account.userAccountControl, 'TRUSTED_TO_AUTH_FOR_DELEGATION');
    if (account.allowedToDelegateTo.length === 0 && !transition) return undefined;
    const services = account.allowedToDelegateTo;
    return {
      summary: `may delegate to ${services.length} service(s)${transition ? ' with protocol transition' : ''}${services[0] === undefined ? '' : `, e.g. ${services[0]}`}`,
      details: { allowedToDelegateTo: [...services], protocolTransition: transition },
    };
  },
};
