import { hasUacFlag } from '../../directory/uac-flags';
import type { RiskRule } from './rule';

export const asrepRoastable: RiskRule = {
  id: 'asrep-roastable',
  title: 'AS-REP roastable',
  rationale:
    'With DONT_REQ_PREAUTH, anyone who can reach a DC can ask for data encrypted with the account’s password and crack it offline, without knowing any password.',
  remediation: 'Clear "Do not require Kerberos preauthentication"; fix the client that needed it.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 2,
  evaluate({ account, enabled }) {
    if (!enabled || !hasUacFlag(account.userAccountControl, 'DONT_REQ_PREAUTH')) return undefined;
    return { summary: 'DONT_REQ_PREAUTH is set on an enabled account', details: { flag: 'DONT_REQ_PREAUTH' } };
  },
};
