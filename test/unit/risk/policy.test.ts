import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy, policyHash, readPolicyFile } from '../../../src/risk/policy';
import { RiskError } from '../../../src/risk/risk-errors';
import { RULE_IDS } from '../../../src/risk/rules';
import { DEFAULT_POLICY_PATH, defaultPolicyJson, policy, type PolicyInput } from './fixtures';

/** The error parsePolicy throws for the bundled policy after `edit`. */
function refusal(edit: (json: PolicyInput) => void): RiskError {
  const json = defaultPolicyJson();
  edit(json);
  try {
    parsePolicy(json, 'given');
  } catch (error) {
    if (error instanceof RiskError) return error;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('the bundled policy', () => {
  it('parses, with every rule enabled and the documented defaults', () => {
    const parsed = parsePolicy(defaultPolicyJson(), 'bundled');
    expect(parsed.version).toBe(1);
    expect(parsed.usage).toEqual({ dormantDays: 90, neverUsedGraceDays: 30, lastLogonLagDays: 19 });
    expect(parsed.risk.thresholds).toEqual({ high: 10, medium: 7 });
    expect(Object.keys(parsed.risk.rules).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.values(parsed.risk.rules).every((setting) => setting.enabled)).toBe(true);
    expect(parsed.classification.patterns.map((pattern) => pattern.type)).toEqual([
      'ai-agent',
      'bot',
      'test',
      'shared',
      'service',
      'human-secondary',
    ]);
    expect(parsed.breakGlass).toEqual([]);
  });

  it('is what defaultPolicy reads from the resources folder', async () => {
    const resources = dirname(dirname(DEFAULT_POLICY_PATH));
    expect(await defaultPolicy(resources)).toEqual(policy());
  });
});

describe('parsePolicy', () => {
  it('fills the defaults a policy leaves out', () => {
    const parsed = policy((json) => {
      json.usage = {};
      delete json.risk.passwordAgeDays;
      delete json.risk.kerberoastPasswordAgeDays;
      delete json.risk.broadMembershipGroups;
      delete json.risk.sensitiveGroups;
      delete json.risk.sensitiveTags;
      delete json.breakGlass;
    });
    expect(parsed.usage).toEqual({ dormantDays: 90, neverUsedGraceDays: 30, lastLogonLagDays: 19 });
    expect(parsed.risk).toMatchObject({
      passwordAgeDays: 365,
      kerberoastPasswordAgeDays: 365,
      broadMembershipGroups: 20,
      sensitiveGroups: [],
      sensitiveTags: {},
    });
    expect(parsed.breakGlass).toEqual([]);
  });

  it('refuses with INVALID_POLICY and names the place of the problem', () => {
    const error = refusal((json) => {
      json.risk.thresholds.high = 20;
    });
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.message).toBe(
      'The policy given is not valid: risk.thresholds.high: Too big: expected number to be <=15',
    );
    expect(error.details).toEqual({
      source: 'given',
      issues: ['risk.thresholds.high: Too big: expected number to be <=15'],
    });
  });

  it('refuses a medium threshold at or above the high one', () => {
    for (const medium of [10, 12]) {
      const error = refusal((json) => {
        json.risk.thresholds.medium = medium;
      });
      expect(error.details?.['issues']).toEqual(['risk.thresholds: the medium threshold must be below the high one']);
    }
  });

  it('refuses an invalid regular expression where it is written', () => {
    const error = refusal((json) => {
      json.classification.patterns[1]?.names?.push('([');
    });
    expect(error.message).toMatch(/classification\.patterns\.1\.names\.4: not a valid regular expression \(/);
  });

  it('refuses an invalid sensitive-group pattern, and an entry with both group and namePattern', () => {
    expect(
      refusal((json) => {
        json.risk.sensitiveGroups = [{ namePattern: '*payroll', label: 'finance', level: 4 }];
      }).message,
    ).toMatch(/risk\.sensitiveGroups\.0\.namePattern: not a valid regular expression/);
    expect(
      refusal((json) => {
        json.risk.sensitiveGroups = [{ group: 'Payroll', namePattern: 'payroll', label: 'finance', level: 4 }];
      }).details?.['issues'],
    ).toEqual(['risk.sensitiveGroups.0: give either "group" or "namePattern", not both and not neither']);
    expect(
      refusal((json) => {
        json.risk.sensitiveGroups = [{ label: 'finance', level: 4 }];
      }).details?.['issues'],
    ).toEqual(['risk.sensitiveGroups.0: give either "group" or "namePattern", not both and not neither']);
  });

  it('refuses a rule id no rule has, naming the known ones', () => {
    const error = refusal((json) => {
      json.risk.rules['no-such-rule'] = { enabled: true, weight: 1 };
    });
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.message).toContain(
      'risk.rules.no-such-rule: there is no rule "no-such-rule" (rules: privileged-critical,',
    );
  });

  it('refuses out-of-range weights and levels', () => {
    expect(
      refusal((json) => {
        json.risk.rules['kerberoastable'] = { enabled: true, weight: 6 };
      }).details?.['issues'],
    ).toEqual(['risk.rules.kerberoastable.weight: Too big: expected number to be <=5']);
    expect(
      refusal((json) => {
        json.risk.sensitiveTags = { pii: 0 };
      }).message,
    ).toContain('risk.sensitiveTags.pii:');
  });

  it('refuses unknown keys, an unknown pattern type and another version', () => {
    expect(
      refusal((json) => {
        Object.assign(json.risk, { extra: 1 });
      }).details?.['issues'],
    ).toEqual(['risk: Unrecognized key: "extra"']);
    expect(
      refusal((json) => {
        Object.assign(json.classification.patterns[0] ?? {}, { type: 'robot' });
      }).message,
    ).toContain('classification.patterns.0.type: Invalid option');
    expect(
      refusal((json) => {
        Object.assign(json, { version: 2 });
      }).message,
    ).toContain('version: Invalid input: expected 1');
  });

  it('refuses dormancy of 0 days', () => {
    expect(
      refusal((json) => {
        json.usage.dormantDays = 0;
      }).message,
    ).toContain('usage.dormantDays:');
  });

  it('lists every problem at once', () => {
    const error = refusal((json) => {
      json.risk.thresholds.high = 20;
      json.usage.lastLogonLagDays = 1.5;
    });
    const issues = error.details?.['issues'] as string[];
    expect(issues.map((issue) => issue.slice(0, issue.indexOf(':')))).toEqual([
      'usage.lastLogonLagDays',
      'risk.thresholds.high',
    ]);
    expect(error.message).toBe(`The policy given is not valid: ${issues.join('; ')}`);
  });
});

describe('policyHash', () => {
  it('is the same for the same policy and differs after any change', () => {
    expect(policyHash(policy())).toBe(policyHash(policy()));
    expect(policyHash(policy())).toMatch(/^[0-9a-f]{64}$/);
    const changed = policy((json) => {
      json.usage.dormantDays = 91;
    });
    expect(policyHash(changed)).not.toBe(policyHash(policy()));
  });
});

describe('readPolicyFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warden-policy-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file with a byte-order mark', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, `\uFEFF${JSON.stringify(defaultPolicyJson())}`, 'utf8');
    expect(await readPolicyFile(path)).toEqual(policy());
  });

  it('names a file that is not JSON', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{ "version": 1,', 'utf8');
    await expect(readPolicyFile(path)).rejects.toMatchObject({
      code: 'INVALID_POLICY',
      message: expect.stringContaining(`The policy file ${path} is not JSON:`),
    });
  });

  it('names the file in a validation error', async () => {
    const path = join(dir, 'bad.json');
    const json = defaultPolicyJson();
    json.risk.thresholds.high = 2;
    await writeFile(path, JSON.stringify(json), 'utf8');
    await expect(readPolicyFile(path)).rejects.toMatchObject({
      code: 'INVALID_POLICY',
      message: expect.stringContaining(`The policy file ${path} is not valid: risk.thresholds.high:`),
    });
  });

  it('reports a missing file as unreadable', async () => {
    const path = join(dir, 'missing.json');
    await expect(readPolicyFile(path)).rejects.toMatchObject({ code: 'POLICY_UNREADABLE', details: { path } });
  });
});
