import type { RiskRule } from './rule';

export const noOwner: RiskRule = {
  id: 'no-owner',
  title: 'Non-human account without an owner',
  rationale:
    'Nobody is answerable for it: nobody notices when it misbehaves, approves its access or retires it when its application goes.',
  remediation: 'Record an owner in Warden (or in manager/managedBy) and review its access with them.',
  factor: 'impact',
  effect: 'level',
  defaultWeight: 3,
  evaluate({ isNhi, owner }) {
    if (!isNhi || owner.status !== 'missing') return undefined;
    return { summary: owner.reason, details: { owner: owner.owner } };
  },
};
