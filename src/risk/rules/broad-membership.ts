import type { RiskRule } from './rule';

export const broadMembership: RiskRule = {
  id: 'broad-membership',
  title: 'Belongs to many groups',
  rationale: 'Each group is access to something; an account in many groups reaches much more than one job needs.',
  remediation: 'Review the account’s groups and remove those its job does not need.',
  factor: 'impact',
  effect: 'level',
  defaultWeight: 3,
  evaluate({ groupCount, policy }) {
    const threshold = policy.risk.broadMembershipGroups;
    if (groupCount < threshold) return undefined;
    return {
      summary: `member of ${groupCount} groups (directly or by nesting), ${threshold} or more`,
      details: { groupCount, threshold },
    };
  },
};
