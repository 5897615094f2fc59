import { privilegedEvidence } from './privileged-membership';
import type { RiskRule } from './rule';

export const privilegedHigh: RiskRule = {
  id: 'privileged-high',
  title: 'Member of an operators group',
  rationale:
    'Account, Server and Backup Operators and Key Admins can log on to domain controllers, reset passwords, read the NTDS database or write key credentials: one documented step from domain control.',
  remediation: 'Remove the account from the group; use delegated rights on specific OUs or servers instead.',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 4,
  evaluate: (facts) => privilegedEvidence(facts, 'high'),
};
