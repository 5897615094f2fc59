import { hasUacFlag } from '../../directory/uac-flags';
import type { RiskRule } from './rule';

export const passwordNotRequired: RiskRule = {
  id: 'password-not-required',
  title: 'Password not required',
  rationale: 'With PASSWD_NOTREQD the account may have an empty password whatever the domain’s password policy says.',
  remediation: 'Clear PASSWD_NOTREQD and set a password that meets the policy.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 1,
  evaluate({ account, enabled }) {
    if (!enabled || !hasUacFlag(account.userAccountControl, 'PASSWD_NOTREQD')) return undefined;
    return { summary: 'PASSWD_NOTREQD is set on an enabled account', details: { flag: 'PASSWD_NOTREQD' } };
  },
};
