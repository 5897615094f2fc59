import type { RiskRule } from './rule';

export const dormantEnabled: RiskRule = {
  id: 'dormant-enabled',
  title: 'Dormant but enabled',
  rationale:
    'Nobody uses it, yet it can still sign in: an unused account is not watched, and its use by someone else goes unnoticed.',
  remediation: 'Disable it (Warden’s kill switch records how to undo it); delete it after the retention period.',
  factor: 'impact',
  effect: 'points',
  defaultWeight: 1,
  evaluate({ usage }) {
    if (usage.usage !== 'dormant' && usage.usage !== 'never-used') return undefined;
    return {
      summary: usage.reason,
      details: { usage: usage.usage, lastLogonDaysAgo: usage.lastLogonDaysAgo, approximate: usage.approximate },
    };
  },
};
