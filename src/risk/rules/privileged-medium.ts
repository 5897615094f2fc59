import { privilegedEvidence } from './privileged-membership';
import type { RiskRule } from './rule';

export const privilegedMedium: RiskRule = {
  id: 'privileged-medium',
  title: 'Member of a sensitive built-in group',
  rationale:
    'Print Operators, Replicator, Group Policy Creator Owners and DnsAdmins give narrower but known routes to domain controllers or to every computer through policy.',
  remediation: 'Remove the account from the group unless its job needs exactly that right.',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 3,
  evaluate: (facts) => privilegedEvidence(facts, 'medium'),
};
