import type { RiskRule } from './rule';

export const orphaned: RiskRule = {
  id: 'orphaned',
  title: 'Orphaned non-human account',
  rationale: 'Its owner is missing or has left: nobody is answerable for what the account does.',
  remediation: 'Find the application’s current owner and record them, or disable the account.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 1,
  evaluate({ isNhi, enabled, owner }) {
    if (!isNhi || !enabled || owner.status === 'active') return undefined;
    return {
      summary: `owner ${owner.status}: ${owner.reason}`,
      details: { owner: owner.owner, ownerStatus: owner.status },
    };
  },
};
