import { describe, expect, it } from 'vitest';
import { guardrailFor, type GuardrailContext } from '../../../src/governance';
import { accountState, DOMAIN_SID } from './fixtures';

const operator = {
  dn: 'CN=op-warden,OU=IT Operations,OU=Corp,DC=corp,DC=example,DC=test',
  sid: `${DOMAIN_SID}-1200`,
  samAccountName: 'op-warden',
};
const context = (breakGlass: string[] = []): GuardrailContext => ({ operator, breakGlass });

describe('guardrails', () => {
  it('lets an ordinary account through', () => {
    expect(guardrailFor(accountState(), context())).toBeUndefined();
  });

  it('refuses a domain controller by SERVER_TRUST_ACCOUNT, by primary group 516/521 and a read-only DC by PARTIAL_SECRETS_ACCOUNT', () => {
    // The seeded DC's computer account: SERVER_TRUST_ACCOUNT | TRUSTED_FOR_DELEGATION, primary group 516.
    const dc = accountState({
      samAccountName: 'DC1$',
      dn: 'CN=DC1,OU=Domain Controllers,DC=corp,DC=example,DC=test',
      userAccountControl: 532480,
      primaryGroupId: 516,
    });
    expect(guardrailFor(dc, context())?.guardrail).toBe('domain-controller');
    expect(guardrailFor(accountState({ userAccountControl: 8192, primaryGroupId: 515 }), context())?.guardrail).toBe(
      'domain-controller',
    );
    expect(guardrailFor(accountState({ primaryGroupId: 516 }), context())?.guardrail).toBe('domain-controller');
    expect(guardrailFor(accountState({ primaryGroupId: 521 }), context())?.guardrail).toBe('domain-controller');
    expect(guardrailFor(accountState({ userAccountControl: 0x4001000 }), context())?.guardrail).toBe(
      'domain-controller',
    );
    expect(guardrailFor(dc, context())?.message).toMatch(/domain controller/);
  });

  it('refuses krbtgt by RID 502 and the krbtgt_NNNNN of a read-only DC by name', () => {
    expect(
      guardrailFor(accountState({ samAccountName: 'krbtgt', sid: `${DOMAIN_SID}-502` }), context())?.guardrail,
    ).toBe('krbtgt');
    expect(guardrailFor(accountState({ samAccountName: 'krbtgt_20416' }), context())?.guardrail).toBe('krbtgt');
    expect(guardrailFor(accountState({ samAccountName: 'KRBTGT', sid: null }), context())?.guardrail).toBe('krbtgt');
  });

  it('refuses the built-in Administrator by RID 500, even renamed', () => {
    const renamed = accountState({ samAccountName: 'corp-root', sid: `${DOMAIN_SID}-500` });
    expect(guardrailFor(renamed, context())?.guardrail).toBe('built-in-administrator');
    // Another account named Administrator is an ordinary account.
    expect(guardrailFor(accountState({ samAccountName: 'Administrator' }), context())).toBeUndefined();
  });

  it("refuses the operator's own account by SID, or by DN without case when SIDs are unknown", () => {
    expect(guardrailFor(accountState({ sid: operator.sid }), context())?.guardrail).toBe('operator-account');
    const bySameDn = accountState({ sid: null, dn: operator.dn.toUpperCase() });
    expect(guardrailFor(bySameDn, context())?.guardrail).toBe('operator-account');
  });

  it('refuses a break-glass account named by sAMAccountName, DOMAIN\\name, UPN, DN or SID', () => {
    const account = accountState({ samAccountName: 'bg-emergency', userPrincipalName: 'bg@corp.example.test' });
    for (const entry of [
      'BG-Emergency',
      'CORP\\bg-emergency',
      'bg@corp.example.test',
      account.dn.toLowerCase(),
      account.sid ?? '',
    ]) {
      expect(guardrailFor(account, context(['someone-else', entry]))).toMatchObject({
        guardrail: 'break-glass',
        message: expect.stringContaining(entry),
      });
    }
    expect(guardrailFor(account, context(['bg', 'S-1-5-21-1-2-3-1105', ' ']))).toBeUndefined();
  });
});
