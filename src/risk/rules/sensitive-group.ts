import type { RiskRule } from './rule';

export const sensitiveGroup: RiskRule = {
  id: 'sensitive-group',
  title: 'Reaches data marked as sensitive',
  rationale:
    'The account belongs (directly or through nesting) to a group the policy marks as holding sensitive data: HR records, finance, personal data shares.',
  remediation: 'Check that the account needs that data; remove the membership or narrow it to read-only.',
  factor: 'sensitivity',
  effect: 'level',
  defaultWeight: 4,
  evaluate({ sensitive }) {
    const first = sensitive[0];
    if (first === undefined) return undefined;
    return {
      summary: `member of ${first.group} (${first.label})${sensitive.length > 1 ? ` and ${sensitive.length - 1} more` : ''}`,
      details: { groups: sensitive.map((entry) => `${entry.group}: ${entry.label} (level ${entry.level})`) },
      level: first.level,
    };
  },
};
