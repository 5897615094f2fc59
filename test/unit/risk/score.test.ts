import { describe, expect, it } from 'vitest';
import { RULES, type RiskRule } from '../../../src/risk/rules';
import { scoreAccount, tierOf, weightOf } from '../../../src/risk/score';
import { account, daysAgo, facts, membership, policy, serviceAccount, uac } from './fixtures';

const THRESHOLDS = { high: 10, medium: 7 };

describe('tierOf', () => {
  it('is high from the high threshold, medium from the medium one, low below', () => {
    expect(tierOf(15, THRESHOLDS)).toBe('high');
    expect(tierOf(10, THRESHOLDS)).toBe('high');
    expect(tierOf(9, THRESHOLDS)).toBe('medium');
    expect(tierOf(7, THRESHOLDS)).toBe('medium');
    expect(tierOf(6, THRESHOLDS)).toBe('low');
    expect(tierOf(3, THRESHOLDS)).toBe('low');
  });

  it('follows other thresholds', () => {
    expect(tierOf(5, { high: 6, medium: 4 })).toBe('medium');
    expect(tierOf(6, { high: 6, medium: 4 })).toBe('high');
    expect(tierOf(3, { high: 6, medium: 4 })).toBe('low');
  });
});

describe('weightOf', () => {
  const rule = RULES.find((candidate) => candidate.id === 'kerberoastable') as RiskRule;

  it('reads the policy’s weight, nothing when disabled, the default when absent', () => {
    expect(weightOf(rule, policy())).toBe(2);
    expect(
      weightOf(
        rule,
        policy((json) => {
          json.risk.rules['kerberoastable'] = { enabled: true, weight: 4 };
        }),
      ),
    ).toBe(4);
    expect(
      weightOf(
        rule,
        policy((json) => {
          json.risk.rules['kerberoastable'] = { enabled: false, weight: 4 };
        }),
      ),
    ).toBeUndefined();
    expect(
      weightOf(
        rule,
        policy((json) => {
          delete json.risk.rules['kerberoastable'];
        }),
      ),
    ).toBe(rule.defaultWeight);
  });

  it('takes "enabled" as true when the setting leaves it out', () => {
    const parsed = policy((json) => {
      json.risk.rules['kerberoastable'] = { weight: 3 };
    });
    expect(parsed.risk.rules['kerberoastable']).toEqual({ enabled: true, weight: 3 });
    expect(weightOf(rule, parsed)).toBe(3);
  });
});

describe('scoreAccount', () => {
  it('gives 1 to each factor when nothing fires: score 3, low', () => {
    const verdict = scoreAccount(facts(account()), RULES);
    expect(verdict).toMatchObject({ risk: 'low', score: 3, factors: { criticality: 1, sensitivity: 1, impact: 1 } });
  });

  it('takes the highest level of a factor’s level rules, not their sum', () => {
    const verdict = scoreAccount(
      facts(account({ spns: ['http/web1'], adminCount: 1 }), {
        privileged: [membership('high', ['Backup Operators'])],
      }),
      RULES,
    );
    // privileged-high 4, service-principal 2, admin-count 2
    expect(verdict.factors.criticality).toBe(4);
    expect(verdict.reasons.filter((r) => r.factor === 'criticality').map((r) => [r.id, r.weight])).toEqual([
      ['privileged-high', 4],
      ['service-principal', 2],
      ['admin-count', 2],
    ]);
  });

  it('adds points on top of the level', () => {
    // service-principal sets criticality 2; unconstrained-delegation adds 2.
    const verdict = scoreAccount(
      facts(account({ spns: ['http/web1'], userAccountControl: uac('TRUSTED_FOR_DELEGATION') })),
      RULES,
    );
    expect(verdict.factors.criticality).toBe(4);
  });

  it('adds points to 1 when no level rule of the factor fired', () => {
    const verdict = scoreAccount(
      facts(account({ userAccountControl: uac('DONT_REQ_PREAUTH', 'PASSWD_NOTREQD') })),
      RULES,
    );
    // asrep-roastable 2 + password-not-required 1
    expect(verdict.factors.impact).toBe(4);
    expect(verdict.score).toBe(6);
    expect(verdict.risk).toBe('low');
  });

  it('keeps a factor at 5 however many points pile up', () => {
    const verdict = scoreAccount(
      facts(
        serviceAccount({
          userAccountControl: uac('DONT_REQ_PREAUTH', 'PASSWD_NOTREQD', 'DONT_EXPIRE_PASSWORD'),
          pwdLastSet: daysAgo(1000),
          lastLogonTimestamp: daysAgo(400),
        }),
      ),
      RULES,
    );
    // no-owner 3, then asrep 2, notreqd 1, never-expires 1, dormant 1, orphaned 1
    expect(verdict.reasons.filter((r) => r.factor === 'impact').map((r) => r.id)).toEqual([
      'no-owner',
      'asrep-roastable',
      'password-not-required',
      'password-never-expires',
      'dormant-enabled',
      'orphaned',
    ]);
    expect(verdict.factors.impact).toBe(5);
  });

  it('never goes below 1, even with a weight of 0', () => {
    const zero = policy((json) => {
      json.risk.rules['service-principal'] = { enabled: true, weight: 0 };
    });
    const verdict = scoreAccount(
      facts(account({ spns: ['http/web1'], hrOutcome: 'matched' }), { policy: zero }),
      RULES,
    );
    expect(verdict.factors.criticality).toBe(1);
    expect(verdict.reasons).toEqual([expect.objectContaining({ id: 'service-principal', weight: 0 })]);
  });

  it('sums the factors and reaches high for a privileged, unowned service', () => {
    const verdict = scoreAccount(
      facts(serviceAccount({ spns: ['http/app1'] }), {
        privileged: [membership('critical', ['App-Admins', 'Domain Admins'])],
        sensitive: [{ group: 'Payroll', label: 'finance data', level: 4 }],
      }),
      RULES,
    );
    expect(verdict.factors).toEqual({ criticality: 5, sensitivity: 4, impact: 5 });
    expect(verdict.score).toBe(14);
    expect(verdict.risk).toBe('high');
    expect(verdict.reasons.map((r) => r.id)).toEqual([
      'privileged-critical',
      'service-principal',
      'sensitive-group',
      'privileged-path',
      'no-owner',
      'orphaned',
    ]);
  });

  it('lands in medium between the thresholds', () => {
    // A person's account (HR match) with an SPN: service-principal 2 + sensitive-tag 4 + impact 1 = 7
    const verdict = scoreAccount(
      facts(account({ spns: ['http/web1'], hrOutcome: 'matched' }), { tags: ['finance'] }),
      RULES,
    );
    expect(verdict.score).toBe(7);
    expect(verdict.risk).toBe('medium');
  });

  it('uses the policy’s thresholds for the tier', () => {
    const strict = policy((json) => {
      json.risk.thresholds = { high: 5, medium: 4 };
    });
    const verdict = scoreAccount(
      facts(account({ spns: ['http/web1'], hrOutcome: 'matched' }), { policy: strict }),
      RULES,
    );
    expect(verdict.score).toBe(4);
    expect(verdict.risk).toBe('medium');
  });

  it('records each finding with the rule’s title, factor and effect', () => {
    const [finding] = scoreAccount(facts(account({ userAccountControl: uac('DONT_REQ_PREAUTH') })), RULES).reasons;
    expect(finding).toEqual({
      id: 'asrep-roastable',
      title: 'AS-REP roastable',
      factor: 'impact',
      effect: 'points',
      weight: 2,
      evidence: { summary: 'DONT_REQ_PREAUTH is set on an enabled account', details: { flag: 'DONT_REQ_PREAUTH' } },
    });
  });

  it('runs only the rules it is given', () => {
    const only = RULES.filter((rule) => rule.id === 'admin-count');
    const verdict = scoreAccount(
      facts(account({ adminCount: 1, spns: ['http/web1'] }), {
        privileged: [membership('critical', ['Domain Admins'])],
      }),
      only,
    );
    expect(verdict.reasons.map((r) => r.id)).toEqual(['admin-count']);
    expect(verdict.factors.criticality).toBe(2);
  });
});
