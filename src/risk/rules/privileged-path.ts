import type { RiskRule } from './rule';

export const privilegedPath: RiskRule = {
  id: 'privileged-path',
  title: 'A compromise reaches privileged groups',
  rationale:
    'Whoever takes over this account inherits every privileged membership it has: the damage is not limited to the account’s own job.',
  remediation:
    'Remove the memberships that give the privileged paths, starting with the nested ones nobody meant to give.',
  factor: 'impact',
  effect: 'level',
  defaultWeight: 4,
  evaluate({ privileged }) {
    if (privileged.length === 0) return undefined;
    return {
      summary: `${privileged.length} privileged path(s)`,
      details: { groups: privileged.map((membership) => membership.groupDn) },
    };
  },
};
