import type { RiskRule } from './rule';

export const adminCount: RiskRule = {
  id: 'admin-count',
  title: 'Protected by AdminSDHolder now or before',
  rationale:
    'adminCount=1 marks an account that was in a protected group at some time; AD does not clear it on removal, so it may still carry the protected ACL and show past privilege.',
  remediation:
    'If the account is no longer privileged, clear adminCount and re-enable inheritance on it so it gets its OU’s permissions again.',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 2,
  evaluate({ account, privileged }) {
    if (account.adminCount !== 1) return undefined;
    const stale = privileged.length === 0;
    return {
      summary: stale ? 'adminCount=1 but in no privileged group now (left over)' : 'adminCount=1',
      details: { adminCount: 1, stale },
    };
  },
};
