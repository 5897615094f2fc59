import type { RiskRule } from './rule';

export const servicePrincipal: RiskRule = {
  id: 'service-principal',
  title: 'Runs a Kerberos service',
  rationale:
    'An account with a service principal name is what clients authenticate to: any domain user can request a ticket for it, and the services behind it depend on it.',
  remediation:
    'Prefer a gMSA, whose password AD rotates; otherwise keep a long random password and AES-only encryption types.',
  factor: 'criticality',
  effect: 'level',
  defaultWeight: 2,
  evaluate({ account }) {
    if (account.spns.length === 0) return undefined;
    return {
      summary: `${account.spns.length} service principal name(s), e.g. ${account.spns[0]}`,
      details: { servicePrincipalNames: [...account.spns] },
    };
  },
};
