import { hasUacFlag } from '../../directory/uac-flags';
import type { RiskRule } from './rule';

export const unconstrainedDelegation: RiskRule = {
  id: 'unconstrained-delegation',
  title: 'Unconstrained delegation',
  rationale:
    'With TRUSTED_FOR_DELEGATION, every user who authenticates to the account’s services leaves a forwardable ticket behind: whoever controls the account can reuse those tickets anywhere, a domain admin’s included.',
  remediation:
    'Turn unconstrained delegation off; use constrained or resource-based constrained delegation to the services actually needed.',
  factor: 'criticality',
  effect: 'points',
  defaultWeight: 2,
  evaluate({ account, enabled }) {
    if (!enabled || !hasUacFlag(account.userAccountControl, 'TRUSTED_FOR_DELEGATION')) return undefined;
    return {
      summary: 'TRUSTED_FOR_DELEGATION is set on an enabled account',
      details: { flag: 'TRUSTED_FOR_DELEGATION' },
    };
  },
};
