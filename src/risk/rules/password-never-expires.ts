import { hasUacFlag } from '../../directory/uac-flags';
import { daysBefore } from '../days';
import type { RiskRule } from './rule';

export const passwordNeverExpires: RiskRule = {
  id: 'password-never-expires',
  title: 'Password never expires and is old',
  rationale:
    'A password exempt from expiry and unchanged for over a year has had a year to leak through scripts, configuration files and former staff.',
  remediation: 'Rotate the password (or move the service to a gMSA) and record when it must be rotated next.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 1,
  evaluate({ account, enabled, asOf, policy }) {
    if (!enabled || !hasUacFlag(account.userAccountControl, 'DONT_EXPIRE_PASSWORD')) return undefined;
    const age = daysBefore(account.pwdLastSet, asOf);
    const limit = policy.risk.passwordAgeDays;
    if (age !== undefined && age <= limit) return undefined;
    return {
      summary: `DONT_EXPIRE_PASSWORD and the password is ${age === undefined ? 'never set' : `${age} days old`} (over ${limit})`,
      details: { passwordAgeDays: age ?? null, limitDays: limit },
    };
  },
};
