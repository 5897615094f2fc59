import { privilegedEvidence } from './privileged-membership';
import type { RiskRule } from './rule';

export const privilegedCritical: RiskRule = {
  id: 'privileged-critical',
  title: 'Member of a domain-controlling group',
  rationale:
    'Domain Admins, Enterprise Admins, Schema Admins and Administrators control the whole domain or forest; any account in them, directly or through nested groups, is a path to everything.',
  remediation:
    'Remove the account from the group (or from the nested group that leads there); give services only the rights they need, on the objects they need.',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 5,
  evaluate: (facts) => privilegedEvidence(facts, 'critical'),
};
