import { describe, expect, it } from 'vitest';
import { usageOf } from '../../../src/risk/usage';
import type { AssessmentAccount } from '../../../src/store';
import { account, AS_OF, daysAgo, daysAhead, DISABLED, policy } from './fixtures';

const USAGE = policy().usage;
const LAG_NOTE = ' (approximate: lastLogonTimestamp may lag up to 19 days; ask each DC for lastLogon to be sure)';

function usage(overrides: Partial<AssessmentAccount>, settings = USAGE) {
  return usageOf(account(overrides), AS_OF, settings);
}

describe('usageOf', () => {
  it('says disabled first, still giving the days since the last logon', () => {
    expect(
      usage({ userAccountControl: DISABLED, lastLogonTimestamp: daysAgo(200), accountExpires: daysAgo(5) }),
    ).toEqual({
      usage: 'disabled',
      lastLogonDaysAgo: 200,
      approximate: false,
      reason: 'the account is disabled (ACCOUNTDISABLE)',
    });
  });

  it('says expired once the expiry date has passed', () => {
    expect(usage({ accountExpires: daysAgo(3) })).toEqual({
      usage: 'expired',
      lastLogonDaysAgo: 5,
      approximate: false,
      reason: 'the account expired 3 day(s) ago (accountExpires)',
    });
    expect(usage({ accountExpires: new Date(AS_OF - 60_000).toISOString() }).reason).toBe(
      'the account expired 0 day(s) ago (accountExpires)',
    );
  });

  it('ignores an expiry date still ahead', () => {
    expect(usage({ accountExpires: daysAhead(10) }).usage).toBe('active');
    expect(usage({ accountExpires: new Date(AS_OF + 60_000).toISOString() }).usage).toBe('active');
  });

  it('says never used past the grace period', () => {
    expect(usage({ lastLogonTimestamp: null, whenCreated: daysAgo(31) })).toEqual({
      usage: 'never-used',
      lastLogonDaysAgo: null,
      approximate: false,
      reason: 'no logon recorded; created 31 day(s) ago',
    });
  });

  it('gives a new account the grace period', () => {
    expect(usage({ lastLogonTimestamp: null, whenCreated: daysAgo(30) })).toEqual({
      usage: 'active',
      lastLogonDaysAgo: null,
      approximate: false,
      reason: 'no logon yet, but created 30 day(s) ago: within the 30-day grace period',
    });
  });

  it('says never used for an account of unknown age', () => {
    expect(usage({ lastLogonTimestamp: null, whenCreated: null }).reason).toBe('no logon recorded; of unknown age');
  });

  it('follows the policy’s grace period', () => {
    const none = { ...USAGE, neverUsedGraceDays: 0 };
    expect(usage({ lastLogonTimestamp: null, whenCreated: daysAgo(1) }, none).usage).toBe('never-used');
  });

  it('says active for a recent logon, without any note', () => {
    expect(usage({ lastLogonTimestamp: daysAgo(5) })).toEqual({
      usage: 'active',
      lastLogonDaysAgo: 5,
      approximate: false,
      reason: 'last logon 5 day(s) ago',
    });
  });

  it('says dormant well past the dormancy line, without any note', () => {
    expect(usage({ lastLogonTimestamp: daysAgo(200) })).toEqual({
      usage: 'dormant',
      lastLogonDaysAgo: 200,
      approximate: false,
      reason: 'last logon 200 days ago, over 90',
    });
  });

  it('marks verdicts within the lag of the dormancy line as approximate', () => {
    expect(usage({ lastLogonTimestamp: daysAgo(91) })).toEqual({
      usage: 'dormant',
      lastLogonDaysAgo: 91,
      approximate: true,
      reason: `last logon 91 days ago, over 90${LAG_NOTE}`,
    });
    expect(usage({ lastLogonTimestamp: daysAgo(90) })).toEqual({
      usage: 'active',
      lastLogonDaysAgo: 90,
      approximate: true,
      reason: `last logon 90 day(s) ago${LAG_NOTE}`,
    });
  });

  it.each([
    [70, 'active', false],
    [71, 'active', true],
    [109, 'dormant', true],
    [110, 'dormant', false],
  ] as const)('%i days ago: %s, approximate %s', (days, expected, approximate) => {
    const verdict = usage({ lastLogonTimestamp: daysAgo(days) });
    expect(verdict.usage).toBe(expected);
    expect(verdict.approximate).toBe(approximate);
  });

  it('follows the policy’s dormancy and lag', () => {
    const tight = { ...USAGE, dormantDays: 30, lastLogonLagDays: 0 };
    expect(usage({ lastLogonTimestamp: daysAgo(31) }, tight)).toMatchObject({ usage: 'dormant', approximate: false });
    expect(usage({ lastLogonTimestamp: daysAgo(30) }, tight)).toMatchObject({ usage: 'active', approximate: true });
    expect(usage({ lastLogonTimestamp: daysAgo(29) }, tight)).toMatchObject({ usage: 'active', approximate: false });
  });
});
