import type { RiskRule } from './rule';

export const ownerLeaver: RiskRule = {
  id: 'owner-leaver',
  title: 'Owned by a leaver',
  rationale:
    'The person answerable for the account has left the company; they may still know its password, and nobody else does.',
  remediation: 'Hand the account to a current owner and change its password.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 1,
  evaluate({ isNhi, enabled, owner }) {
    if (!isNhi || !enabled || owner.status !== 'leaver') return undefined;
    return { summary: owner.reason, details: { owner: owner.owner, ownerDn: owner.ownerDn } };
  },
};
