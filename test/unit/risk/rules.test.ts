import { describe, expect, it } from 'vitest';
import type { AccountFacts } from '../../../src/risk/facts';
import type { RiskPolicy } from '../../../src/risk/policy-schema';
import { RULES, RULE_IDS, type RiskRule } from '../../../src/risk/rules';
import { scoreAccount } from '../../../src/risk/score';
import {
  account,
  daysAgo,
  DISABLED,
  facts,
  membership,
  policy,
  serviceAccount,
  uac,
  type FactsOptions,
} from './fixtures';

function rule(id: string): RiskRule {
  const found = RULES.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

/** An enabled service account whose owner (jowner) is an active person's account. */
function ownedService(overrides: Parameters<typeof serviceAccount>[0] = {}, options: FactsOptions = {}): AccountFacts {
  const owner = account({ samAccountName: 'jowner', dn: 'CN=jowner,OU=Staff,DC=corp,DC=example' });
  return facts(serviceAccount({ managerDn: owner.dn, ...overrides }), { others: [owner], ...options });
}

describe('the rule set', () => {
  it('has unique ids, listed by factor: criticality, sensitivity, then impact', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    const order = ['criticality', 'sensitivity', 'impact'];
    const factors = RULES.map((candidate) => order.indexOf(candidate.factor));
    expect(factors).toEqual([...factors].sort((a, b) => a - b));
  });

  it('explains every rule', () => {
    for (const candidate of RULES) {
      expect(candidate.title.length, candidate.id).toBeGreaterThan(0);
      expect(candidate.rationale.length, candidate.id).toBeGreaterThan(20);
      expect(candidate.remediation.length, candidate.id).toBeGreaterThan(20);
    }
  });
});

describe('clean accounts', () => {
  it('a person’s everyday account fires no rule', () => {
    const subject = facts(account({ samAccountName: 'jdoe' }));
    expect(subject.isNhi).toBe(false);
    for (const candidate of RULES) expect(candidate.evaluate(subject), candidate.id).toBeUndefined();
    expect(scoreAccount(subject, RULES)).toEqual({
      risk: 'low',
      score: 3,
      factors: { criticality: 1, sensitivity: 1, impact: 1 },
      reasons: [],
    });
  });

  it('an owned service account without SPN, flags or reach fires no rule', () => {
    const subject = ownedService();
    expect(subject.isNhi).toBe(true);
    expect(subject.owner.status).toBe('active');
    for (const candidate of RULES) expect(candidate.evaluate(subject), candidate.id).toBeUndefined();
  });
});

describe('privileged-critical, privileged-high, privileged-medium', () => {
  it('describes a direct membership with the account’s name first', () => {
    const evidence = rule('privileged-critical').evaluate(
      facts(account({ samAccountName: 'jdoe' }), { privileged: [membership('critical', ['Domain Admins'])] }),
    );
    expect(evidence).toEqual({
      summary: 'member of 1 critical privileged group(s): jdoe → Domain Admins',
      details: {
        groups: ['CN=Domain Admins,CN=Users,DC=corp,DC=example'],
        paths: ['jdoe → Domain Admins'],
      },
    });
  });

  it('says "through nesting" and shows each step of a nested path', () => {
    const evidence = rule('privileged-critical').evaluate(
      facts(serviceAccount({ samAccountName: 'svc-app' }), {
        privileged: [membership('critical', ['App-Admins', 'Tier0-Admins', 'Domain Admins'])],
      }),
    );
    expect(evidence?.summary).toBe(
      'member of 1 critical privileged group(s) through nesting: svc-app → App-Admins → Tier0-Admins → Domain Admins',
    );
  });

  it('marks a membership held only through the primary group', () => {
    const evidence = rule('privileged-high').evaluate(
      facts(account({ samAccountName: 'jdoe' }), {
        privileged: [membership('high', ['Backup Operators'], { viaPrimaryGroup: true })],
      }),
    );
    expect(evidence?.summary).toBe(
      'member of 1 high privileged group(s): jdoe → Backup Operators (as its primary group)',
    );
  });

  it('each tier’s rule reads only its own tier', () => {
    const subject = facts(account({ samAccountName: 'jdoe' }), {
      privileged: [
        membership('high', ['Account Operators']),
        membership('high', ['Server Operators']),
        membership('medium', ['DnsAdmins']),
      ],
    });
    expect(rule('privileged-critical').evaluate(subject)).toBeUndefined();
    const high = rule('privileged-high').evaluate(subject);
    expect(high?.summary).toBe('member of 2 high privileged group(s): jdoe → Account Operators');
    expect(high?.details?.['paths']).toEqual(['jdoe → Account Operators', 'jdoe → Server Operators']);
    expect(rule('privileged-medium').evaluate(subject)?.details?.['groups']).toEqual([
      'CN=DnsAdmins,CN=Users,DC=corp,DC=example',
    ]);
  });

  it('fires on a disabled account too: the membership is still there', () => {
    const subject = facts(account({ userAccountControl: DISABLED }), {
      privileged: [membership('critical', ['Domain Admins'])],
    });
    expect(subject.enabled).toBe(false);
    expect(rule('privileged-critical').evaluate(subject)).toBeDefined();
  });

  it('sets criticality to its weight', () => {
    const verdict = scoreAccount(facts(account(), { privileged: [membership('critical', ['Domain Admins'])] }), RULES);
    expect(verdict.factors.criticality).toBe(5);
    expect(verdict.reasons.map((reason) => reason.id)).toEqual(['privileged-critical', 'privileged-path']);
  });
});

describe('constrained-delegation', () => {
  const delegation = rule('constrained-delegation');

  it('names the services the account may delegate to', () => {
    const evidence = delegation.evaluate(
      ownedService({ allowedToDelegateTo: ['cifs/fs1.corp.example', 'http/web1.corp.example'] }),
    );
    expect(evidence).toEqual({
      summary: 'may delegate to 2 service(s), e.g. cifs/fs1.corp.example',
      details: { allowedToDelegateTo: ['cifs/fs1.corp.example', 'http/web1.corp.example'], protocolTransition: false },
    });
  });

  it('fires on protocol transition alone and says so', () => {
    const evidence = delegation.evaluate(ownedService({ userAccountControl: uac('TRUSTED_TO_AUTH_FOR_DELEGATION') }));
    expect(evidence?.summary).toBe('may delegate to 0 service(s) with protocol transition');
    expect(evidence?.details).toEqual({ allowedToDelegateTo: [], protocolTransition: true });
  });

  it('combines both', () => {
    const evidence = delegation.evaluate(
      ownedService({
        allowedToDelegateTo: ['ldap/dc1.corp.example'],
        userAccountControl: uac('TRUSTED_TO_AUTH_FOR_DELEGATION'),
      }),
    );
    expect(evidence?.summary).toBe('may delegate to 1 service(s) with protocol transition, e.g. ldap/dc1.corp.example');
  });

  it('does not fire without delegation', () => {
    expect(delegation.evaluate(ownedService())).toBeUndefined();
  });
});

describe('service-principal', () => {
  it('counts the SPNs and quotes the first', () => {
    const evidence = rule('service-principal').evaluate(
      ownedService({ spns: ['MSSQLSvc/db1.corp.example:1433', 'MSSQLSvc/db1.corp.example'] }),
    );
    expect(evidence).toEqual({
      summary: '2 service principal name(s), e.g. MSSQLSvc/db1.corp.example:1433',
      details: { servicePrincipalNames: ['MSSQLSvc/db1.corp.example:1433', 'MSSQLSvc/db1.corp.example'] },
    });
  });

  it('does not fire without an SPN', () => {
    expect(rule('service-principal').evaluate(ownedService())).toBeUndefined();
  });
});

describe('admin-count', () => {
  it('flags a left-over adminCount on an account in no privileged group', () => {
    expect(rule('admin-count').evaluate(facts(account({ adminCount: 1 })))).toEqual({
      summary: 'adminCount=1 but in no privileged group now (left over)',
      details: { adminCount: 1, stale: true },
    });
  });

  it('reports a current one plainly', () => {
    const evidence = rule('admin-count').evaluate(
      facts(account({ adminCount: 1 }), { privileged: [membership('critical', ['Domain Admins'])] }),
    );
    expect(evidence).toEqual({ summary: 'adminCount=1', details: { adminCount: 1, stale: false } });
  });

  it('ignores adminCount 0 or absent', () => {
    expect(rule('admin-count').evaluate(facts(account({ adminCount: 0 })))).toBeUndefined();
    expect(rule('admin-count').evaluate(facts(account({ adminCount: null })))).toBeUndefined();
  });
});

describe('unconstrained-delegation', () => {
  const unconstrained = rule('unconstrained-delegation');

  it('fires on TRUSTED_FOR_DELEGATION on an enabled account', () => {
    expect(unconstrained.evaluate(ownedService({ userAccountControl: uac('TRUSTED_FOR_DELEGATION') }))).toEqual({
      summary: 'TRUSTED_FOR_DELEGATION is set on an enabled account',
      details: { flag: 'TRUSTED_FOR_DELEGATION' },
    });
  });

  it('leaves a disabled account alone', () => {
    expect(
      unconstrained.evaluate(ownedService({ userAccountControl: uac('TRUSTED_FOR_DELEGATION', 'ACCOUNTDISABLE') })),
    ).toBeUndefined();
  });

  it('adds its points to criticality', () => {
    const verdict = scoreAccount(ownedService({ userAccountControl: uac('TRUSTED_FOR_DELEGATION') }), RULES);
    expect(verdict.factors.criticality).toBe(3);
  });
});

describe('sensitive-group', () => {
  const sensitive = rule('sensitive-group');

  it('names the most sensitive group first and counts the others', () => {
    const evidence = sensitive.evaluate(
      facts(account(), {
        sensitive: [
          { group: 'GDPR-Share', label: 'personal data', level: 5 },
          { group: 'Payroll', label: 'finance data', level: 4 },
        ],
      }),
    );
    expect(evidence).toEqual({
      summary: 'member of GDPR-Share (personal data) and 1 more',
      details: { groups: ['GDPR-Share: personal data (level 5)', 'Payroll: finance data (level 4)'] },
      level: 5,
    });
  });

  it('says nothing more for a single group', () => {
    const evidence = sensitive.evaluate(
      facts(account(), { sensitive: [{ group: 'Legal', label: 'legal documents', level: 3 }] }),
    );
    expect(evidence?.summary).toBe('member of Legal (legal documents)');
    expect(evidence?.level).toBe(3);
  });

  it('does not fire without a sensitive group', () => {
    expect(sensitive.evaluate(facts(account()))).toBeUndefined();
  });

  it('sets sensitivity to the group’s level from the policy, not the rule weight', () => {
    const verdict = scoreAccount(
      facts(account(), { sensitive: [{ group: 'Legal', label: 'legal documents', level: 3 }] }),
      RULES,
    );
    expect(verdict.factors.sensitivity).toBe(3);
    expect(verdict.reasons[0]).toMatchObject({ id: 'sensitive-group', weight: 3, factor: 'sensitivity' });
  });
});

describe('sensitive-tag', () => {
  const tag = rule('sensitive-tag');

  it('lists the sensitive tags and takes the highest level', () => {
    const evidence = tag.evaluate(facts(account(), { tags: ['finance', 'project-x', 'pii'] }));
    expect(evidence).toEqual({ summary: 'tagged finance, pii', details: { tags: ['finance', 'pii'] }, level: 5 });
  });

  it('ignores tags the policy does not count as sensitive', () => {
    expect(tag.evaluate(facts(account(), { tags: ['project-x'] }))).toBeUndefined();
    expect(tag.evaluate(facts(account()))).toBeUndefined();
  });

  it('follows the policy’s tag levels', () => {
    const custom = policy((json) => {
      json.risk.sensitiveTags = { 'project-x': 2 };
    });
    const evidence = tag.evaluate(facts(account(), { tags: ['project-x', 'pii'], policy: custom }));
    expect(evidence).toEqual({ summary: 'tagged project-x', details: { tags: ['project-x'] }, level: 2 });
  });
});

describe('privileged-path', () => {
  it('counts every privileged path, whatever the tier', () => {
    const evidence = rule('privileged-path').evaluate(
      facts(account(), {
        privileged: [membership('critical', ['Domain Admins']), membership('medium', ['Print Operators'])],
      }),
    );
    expect(evidence).toEqual({
      summary: '2 privileged path(s)',
      details: {
        groups: ['CN=Domain Admins,CN=Users,DC=corp,DC=example', 'CN=Print Operators,CN=Users,DC=corp,DC=example'],
      },
    });
  });

  it('does not fire without a privileged path', () => {
    expect(rule('privileged-path').evaluate(facts(account()))).toBeUndefined();
  });
});

describe('broad-membership', () => {
  const broad = rule('broad-membership');

  it('fires from the policy’s threshold on', () => {
    expect(broad.evaluate(facts(account(), { groupCount: 20 }))).toEqual({
      summary: 'member of 20 groups (directly or by nesting), 20 or more',
      details: { groupCount: 20, threshold: 20 },
    });
    expect(broad.evaluate(facts(account(), { groupCount: 19 }))).toBeUndefined();
  });

  it('follows a changed threshold', () => {
    const custom = policy((json) => {
      json.risk.broadMembershipGroups = 5;
    });
    expect(broad.evaluate(facts(account(), { groupCount: 5, policy: custom }))?.details).toEqual({
      groupCount: 5,
      threshold: 5,
    });
  });
});

describe('no-owner', () => {
  const noOwner = rule('no-owner');

  it('fires on a non-human account with no owner recorded', () => {
    expect(noOwner.evaluate(facts(serviceAccount()))).toEqual({
      summary: 'no owner is recorded',
      details: { owner: null },
    });
  });

  it('fires when the owner given is not in the snapshot', () => {
    const gone = 'CN=Gone Person,OU=Staff,DC=corp,DC=example';
    expect(noOwner.evaluate(facts(serviceAccount({ managedBy: gone })))).toEqual({
      summary: `the owner ${gone} is not in the snapshot (deleted, or outside the scanned domain)`,
      details: { owner: gone },
    });
  });

  it('fires on a disabled non-human account as well', () => {
    expect(noOwner.evaluate(facts(serviceAccount({ userAccountControl: DISABLED })))).toBeDefined();
  });

  it('leaves people’s accounts and owned accounts alone', () => {
    expect(noOwner.evaluate(facts(account()))).toBeUndefined();
    expect(noOwner.evaluate(ownedService())).toBeUndefined();
  });

  it('does not fire on a non-human account owned by a leaver (the owner is known)', () => {
    const owner = account({ samAccountName: 'jleft', userAccountControl: DISABLED });
    expect(noOwner.evaluate(facts(serviceAccount({ managerDn: owner.dn }), { others: [owner] }))).toBeUndefined();
  });
});

describe('kerberoastable', () => {
  const roast = rule('kerberoastable');
  const spn = 'MSSQLSvc/db1.corp.example:1433';

  it('fires on an SPN with RC4 allowed by default and an old password', () => {
    expect(roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(400) }))).toEqual({
      summary: `SPN ${spn}, RC4 allowed (msDS-SupportedEncryptionTypes not set), password 400 days old`,
      details: { encryptionTypes: null, passwordAgeDays: 400, limitDays: 365 },
    });
  });

  it('fires when RC4 is among the encryption types or the value is 0', () => {
    expect(
      roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(400), supportedEncryptionTypes: 0x1c }))?.summary,
    ).toBe(`SPN ${spn}, RC4 allowed (msDS-SupportedEncryptionTypes 28), password 400 days old`);
    expect(
      roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(400), supportedEncryptionTypes: 0 }))?.details,
    ).toEqual({ encryptionTypes: 0, passwordAgeDays: 400, limitDays: 365 });
  });

  it('fires on a password never set', () => {
    const evidence = roast.evaluate(ownedService({ spns: [spn], pwdLastSet: null }));
    expect(evidence?.summary).toBe(
      `SPN ${spn}, RC4 allowed (msDS-SupportedEncryptionTypes not set), password never set`,
    );
    expect(evidence?.details?.['passwordAgeDays']).toBeNull();
  });

  it('does not fire with AES only, a recent password, no SPN or a disabled account', () => {
    expect(
      roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(400), supportedEncryptionTypes: 0x18 })),
    ).toBeUndefined();
    expect(roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(365) }))).toBeUndefined();
    expect(roast.evaluate(ownedService({ pwdLastSet: daysAgo(400) }))).toBeUndefined();
    expect(
      roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(400), userAccountControl: DISABLED })),
    ).toBeUndefined();
  });

  it('follows the policy’s password age', () => {
    const custom = policy((json) => {
      json.risk.kerberoastPasswordAgeDays = 90;
    });
    const evidence = roast.evaluate(ownedService({ spns: [spn], pwdLastSet: daysAgo(100) }, { policy: custom }));
    expect(evidence?.details).toEqual({ encryptionTypes: null, passwordAgeDays: 100, limitDays: 90 });
  });
});

describe('asrep-roastable', () => {
  const asrep = rule('asrep-roastable');

  it('fires on DONT_REQ_PREAUTH on an enabled account', () => {
    expect(asrep.evaluate(facts(account({ userAccountControl: uac('DONT_REQ_PREAUTH') })))).toEqual({
      summary: 'DONT_REQ_PREAUTH is set on an enabled account',
      details: { flag: 'DONT_REQ_PREAUTH' },
    });
  });

  it('leaves a disabled account alone', () => {
    expect(
      asrep.evaluate(facts(account({ userAccountControl: uac('DONT_REQ_PREAUTH', 'ACCOUNTDISABLE') }))),
    ).toBeUndefined();
  });
});

describe('password-not-required', () => {
  const notRequired = rule('password-not-required');

  it('fires on PASSWD_NOTREQD on an enabled account', () => {
    expect(notRequired.evaluate(facts(account({ userAccountControl: uac('PASSWD_NOTREQD') })))).toEqual({
      summary: 'PASSWD_NOTREQD is set on an enabled account',
      details: { flag: 'PASSWD_NOTREQD' },
    });
  });

  it('leaves a disabled account alone', () => {
    expect(
      notRequired.evaluate(facts(account({ userAccountControl: uac('PASSWD_NOTREQD', 'ACCOUNTDISABLE') }))),
    ).toBeUndefined();
  });
});

describe('password-never-expires', () => {
  const neverExpires = rule('password-never-expires');

  it('fires on DONT_EXPIRE_PASSWORD with a password over the age limit', () => {
    expect(
      neverExpires.evaluate(
        ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), pwdLastSet: daysAgo(400) }),
      ),
    ).toEqual({
      summary: 'DONT_EXPIRE_PASSWORD and the password is 400 days old (over 365)',
      details: { passwordAgeDays: 400, limitDays: 365 },
    });
  });

  it('fires on a password never set', () => {
    expect(
      neverExpires.evaluate(ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), pwdLastSet: null }))
        ?.summary,
    ).toBe('DONT_EXPIRE_PASSWORD and the password is never set (over 365)');
  });

  it('does not fire on a recent password, without the flag, or on a disabled account', () => {
    expect(
      neverExpires.evaluate(
        ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), pwdLastSet: daysAgo(365) }),
      ),
    ).toBeUndefined();
    expect(neverExpires.evaluate(ownedService({ pwdLastSet: daysAgo(400) }))).toBeUndefined();
    expect(
      neverExpires.evaluate(
        ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD', 'ACCOUNTDISABLE'), pwdLastSet: daysAgo(400) }),
      ),
    ).toBeUndefined();
  });

  it('follows the policy’s password age', () => {
    const custom = policy((json) => {
      json.risk.passwordAgeDays = 200;
    });
    const evidence = neverExpires.evaluate(
      ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), pwdLastSet: daysAgo(300) }, { policy: custom }),
    );
    expect(evidence?.summary).toBe('DONT_EXPIRE_PASSWORD and the password is 300 days old (over 200)');
  });
});

describe('dormant-enabled', () => {
  const dormant = rule('dormant-enabled');

  it('fires on a dormant account with the usage verdict as its summary', () => {
    expect(dormant.evaluate(ownedService({ lastLogonTimestamp: daysAgo(200) }))).toEqual({
      summary: 'last logon 200 days ago, over 90',
      details: { usage: 'dormant', lastLogonDaysAgo: 200, approximate: false },
    });
  });

  it('marks a verdict near the threshold as approximate', () => {
    const evidence = dormant.evaluate(ownedService({ lastLogonTimestamp: daysAgo(100) }));
    expect(evidence?.details).toEqual({ usage: 'dormant', lastLogonDaysAgo: 100, approximate: true });
    expect(evidence?.summary).toMatch(/^last logon 100 days ago, over 90 \(approximate: /);
  });

  it('fires on an account never used past the grace period', () => {
    expect(dormant.evaluate(ownedService({ lastLogonTimestamp: null, whenCreated: daysAgo(60) }))).toEqual({
      summary: 'no logon recorded; created 60 day(s) ago',
      details: { usage: 'never-used', lastLogonDaysAgo: null, approximate: false },
    });
  });

  it('does not fire on an active, disabled or expired account', () => {
    expect(dormant.evaluate(ownedService())).toBeUndefined();
    expect(
      dormant.evaluate(ownedService({ lastLogonTimestamp: daysAgo(200), userAccountControl: DISABLED })),
    ).toBeUndefined();
    expect(
      dormant.evaluate(ownedService({ lastLogonTimestamp: daysAgo(200), accountExpires: daysAgo(10) })),
    ).toBeUndefined();
  });
});

describe('orphaned', () => {
  const orphaned = rule('orphaned');

  it('fires on an enabled non-human account without an owner', () => {
    expect(orphaned.evaluate(facts(serviceAccount()))).toEqual({
      summary: 'owner missing: no owner is recorded',
      details: { owner: null, ownerStatus: 'missing' },
    });
  });

  it('fires when the owner has left', () => {
    const owner = account({ samAccountName: 'jleft', userAccountControl: DISABLED });
    expect(orphaned.evaluate(facts(serviceAccount({ managerDn: owner.dn }), { others: [owner] }))).toEqual({
      summary: "owner leaver: the owner's account jleft is disabled",
      details: { owner: 'jleft', ownerStatus: 'leaver' },
    });
  });

  it('leaves disabled, owned and human accounts alone', () => {
    expect(orphaned.evaluate(facts(serviceAccount({ userAccountControl: DISABLED })))).toBeUndefined();
    expect(orphaned.evaluate(ownedService())).toBeUndefined();
    expect(orphaned.evaluate(facts(account()))).toBeUndefined();
  });
});

describe('owner-leaver', () => {
  const leaver = rule('owner-leaver');

  it('fires on an enabled non-human account whose owner HR says has left', () => {
    const owner = account({ samAccountName: 'jleft', hrOutcome: 'leaver' });
    expect(leaver.evaluate(facts(serviceAccount({ managerDn: owner.dn }), { others: [owner] }))).toEqual({
      summary: "HR says jleft's person has left",
      details: { owner: 'jleft', ownerDn: owner.dn },
    });
  });

  it('does not fire on a missing owner, a disabled account or a person’s account', () => {
    const owner = account({ samAccountName: 'jleft2', hrOutcome: 'matched-disabled' });
    expect(leaver.evaluate(facts(serviceAccount()))).toBeUndefined();
    expect(
      leaver.evaluate(
        facts(serviceAccount({ managerDn: owner.dn, userAccountControl: DISABLED }), { others: [owner] }),
      ),
    ).toBeUndefined();
    expect(leaver.evaluate(facts(account({ managerDn: owner.dn }), { others: [owner] }))).toBeUndefined();
  });
});

/** For each rule, facts it fires on under the given policy. */
const FIRING: Record<string, (p: RiskPolicy) => AccountFacts> = {
  'privileged-critical': (p) =>
    facts(account(), { policy: p, privileged: [membership('critical', ['Domain Admins'])] }),
  'privileged-high': (p) => facts(account(), { policy: p, privileged: [membership('high', ['Key Admins'])] }),
  'privileged-medium': (p) => facts(account(), { policy: p, privileged: [membership('medium', ['DnsAdmins'])] }),
  'constrained-delegation': (p) => ownedService({ allowedToDelegateTo: ['cifs/fs1'] }, { policy: p }),
  'service-principal': (p) => ownedService({ spns: ['http/web1'] }, { policy: p }),
  'admin-count': (p) => facts(account({ adminCount: 1 }), { policy: p }),
  'unconstrained-delegation': (p) => ownedService({ userAccountControl: uac('TRUSTED_FOR_DELEGATION') }, { policy: p }),
  'sensitive-group': (p) => facts(account(), { policy: p, sensitive: [{ group: 'Payroll', label: 'f', level: 4 }] }),
  'sensitive-tag': (p) => facts(account(), { policy: p, tags: ['finance'] }),
  'privileged-path': (p) => facts(account(), { policy: p, privileged: [membership('medium', ['Print Operators'])] }),
  'broad-membership': (p) => facts(account(), { policy: p, groupCount: 50 }),
  'no-owner': (p) => facts(serviceAccount(), { policy: p }),
  kerberoastable: (p) => ownedService({ spns: ['http/web1'], pwdLastSet: daysAgo(900) }, { policy: p }),
  'asrep-roastable': (p) => facts(account({ userAccountControl: uac('DONT_REQ_PREAUTH') }), { policy: p }),
  'password-not-required': (p) => facts(account({ userAccountControl: uac('PASSWD_NOTREQD') }), { policy: p }),
  'password-never-expires': (p) =>
    ownedService({ userAccountControl: uac('DONT_EXPIRE_PASSWORD'), pwdLastSet: daysAgo(900) }, { policy: p }),
  'dormant-enabled': (p) => facts(account({ lastLogonTimestamp: daysAgo(300) }), { policy: p }),
  orphaned: (p) => facts(serviceAccount(), { policy: p }),
  'owner-leaver': (p) => {
    const owner = account({ samAccountName: 'jleft', userAccountControl: DISABLED });
    return facts(serviceAccount({ managerDn: owner.dn }), { policy: p, others: [owner] });
  },
};

/** Rules whose finding carries its own level (from the policy's groups or tags), over the weight. */
const LEVEL_FROM_EVIDENCE = new Set(['sensitive-group', 'sensitive-tag']);

describe('policy settings of every rule', () => {
  it('covers every rule', () => {
    expect(Object.keys(FIRING).sort()).toEqual([...RULE_IDS].sort());
  });

  it('bundled weights are the rules’ own defaults', () => {
    const bundled = policy();
    for (const candidate of RULES) {
      expect(bundled.risk.rules[candidate.id], candidate.id).toEqual({
        enabled: true,
        weight: candidate.defaultWeight,
      });
    }
  });

  it.each(RULE_IDS)('%s: fires under the bundled policy with its default weight', (id) => {
    const candidate = rule(id);
    const finding = scoreAccount(FIRING[id]?.(policy()) as AccountFacts, RULES).reasons.find((r) => r.id === id);
    expect(finding).toMatchObject({ id, title: candidate.title, factor: candidate.factor, effect: candidate.effect });
    if (!LEVEL_FROM_EVIDENCE.has(id)) expect(finding?.weight).toBe(candidate.defaultWeight);
  });

  it.each(RULE_IDS)('%s: is silent when the policy disables it', (id) => {
    const off = policy((json) => {
      const setting = json.risk.rules[id];
      if (setting !== undefined) setting.enabled = false;
    });
    const verdict = scoreAccount(FIRING[id]?.(off) as AccountFacts, RULES);
    expect(verdict.reasons.map((r) => r.id)).not.toContain(id);
  });

  it.each(RULE_IDS.filter((id) => !LEVEL_FROM_EVIDENCE.has(id)))('%s: takes the policy’s weight', (id) => {
    const heavier = policy((json) => {
      json.risk.rules[id] = { enabled: true, weight: 5 };
    });
    const verdict = scoreAccount(FIRING[id]?.(heavier) as AccountFacts, RULES);
    expect(verdict.reasons.find((r) => r.id === id)?.weight).toBe(5);
    expect(verdict.factors[rule(id).factor]).toBe(5);
  });

  it.each(RULE_IDS)('%s: falls back to its default weight when the policy does not name it', (id) => {
    const unnamed = policy((json) => {
      json.risk.rules = Object.fromEntries(Object.entries(json.risk.rules).filter(([key]) => key !== id));
    });
    const finding = scoreAccount(FIRING[id]?.(unnamed) as AccountFacts, RULES).reasons.find((r) => r.id === id);
    expect(finding).toBeDefined();
    if (!LEVEL_FROM_EVIDENCE.has(id)) expect(finding?.weight).toBe(rule(id).defaultWeight);
  });
});
