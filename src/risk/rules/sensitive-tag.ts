import type { RiskRule } from './rule';

export const sensitiveTag: RiskRule = {
  id: 'sensitive-tag',
  title: 'Tagged as handling sensitive data',
  rationale: 'Someone tagged this account in Warden with a tag the policy counts as sensitive.',
  remediation: 'Keep the tag current: remove it when the account stops handling that data.',
  factor: 'sensitivity',
  effect: 'level',
  defaultWeight: 4,
  evaluate({ tags, policy }) {
    const levels = policy.risk.sensitiveTags;
    const hits = tags.filter((tag) => levels[tag] !== undefined);
    if (hits.length === 0) return undefined;
    const level = Math.max(...hits.map((tag) => levels[tag] ?? 1));
    return { summary: `tagged ${hits.join(', ')}`, details: { tags: hits }, level };
  },
};
