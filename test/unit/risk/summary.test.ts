import { describe, expect, it } from 'vitest';
import type { HeadlineFigures } from '../../../src/hr/figures';
import { DORMANCY_BUCKETS, summarize } from '../../../src/risk/summary';
import { assessment } from './fixtures';

const AS_OF_ISO = '2025-06-30T12:00:00.000Z';

function figures(activeEmployees: number): HeadlineFigures {
  return {
    enabledAccounts: 0,
    activeEmployees,
    imbalance: 0,
    humanAccounts: 0,
    nhiAccounts: 0,
    undecidedAccounts: 0,
    nhiPerHuman: null,
    outcomes: { matched: 0, leaver: 0, 'matched-disabled': 0, probable: 0, ambiguous: 0, human: 0, none: 0 },
    employeesWithoutAccount: 0,
  };
}

const ACCOUNTS = [
  assessment({ type: 'human', risk: 'low', usage: 'active', lastLogonDaysAgo: 0 }),
  assessment({ type: 'human', risk: 'medium', usage: 'active', lastLogonDaysAgo: 30 }),
  assessment({ type: 'human-secondary', risk: 'high', usage: 'dormant', lastLogonDaysAgo: 366 }),
  assessment({
    type: 'service',
    isNhi: true,
    risk: 'high',
    usage: 'active',
    lastLogonDaysAgo: 31,
    ownerStatus: 'active',
  }),
  assessment({
    type: 'service',
    isNhi: true,
    risk: 'medium',
    usage: 'dormant',
    lastLogonDaysAgo: 180,
    ownerStatus: 'missing',
    orphaned: true,
  }),
  assessment({
    type: 'gmsa',
    isNhi: true,
    risk: 'low',
    usage: 'never-used',
    lastLogonDaysAgo: null,
    ownerStatus: 'leaver',
    orphaned: true,
  }),
  assessment({
    type: 'bot',
    isNhi: true,
    enabled: false,
    risk: 'high',
    usage: 'disabled',
    lastLogonDaysAgo: 500,
    ownerStatus: 'missing',
    orphaned: true,
  }),
];

describe('summarize', () => {
  const summary = summarize('snap-1', AS_OF_ISO, ACCOUNTS, undefined);

  it('counts accounts, enabled ones, non-human and human, orphaned', () => {
    expect(summary).toMatchObject({
      snapshotId: 'snap-1',
      asOf: AS_OF_ISO,
      accounts: 7,
      enabledAccounts: 6,
      nhi: 4,
      human: 3,
      orphaned: 3,
    });
  });

  it('counts by type, tier, usage, every key present', () => {
    expect(summary.byType).toEqual({
      human: 2,
      'human-secondary': 1,
      service: 2,
      gmsa: 1,
      smsa: 0,
      dmsa: 0,
      bot: 1,
      'ai-agent': 0,
      shared: 0,
      test: 0,
      'unknown-nhi': 0,
    });
    expect(summary.byTier).toEqual({ high: 3, medium: 2, low: 2 });
    expect(summary.byUsage).toEqual({ active: 3, dormant: 2, 'never-used': 1, disabled: 1, expired: 0 });
  });

  it('counts tiers and owner coverage of non-human accounts only', () => {
    expect(summary.nhiByTier).toEqual({ high: 2, medium: 1, low: 1 });
    expect(summary.byOwnerStatus).toEqual({ active: 1, leaver: 1, missing: 2 });
  });

  it('puts enabled accounts in dormancy buckets by their last logon, bounds included', () => {
    expect(summary.dormancy.buckets).toEqual([
      { label: '0–30 days', from: 0, to: 30, count: 2 },
      { label: '31–60 days', from: 31, to: 60, count: 1 },
      { label: '61–90 days', from: 61, to: 90, count: 0 },
      { label: '91–180 days', from: 91, to: 180, count: 1 },
      { label: '181–365 days', from: 181, to: 365, count: 0 },
      { label: 'over a year', from: 366, to: null, count: 1 },
    ]);
    // The disabled bot (500 days) is left out; the never-used gMSA counts as never.
    expect(summary.dormancy.never).toBe(1);
  });

  it.each([
    [60, '31–60 days'],
    [61, '61–90 days'],
    [90, '61–90 days'],
    [91, '91–180 days'],
    [181, '181–365 days'],
    [365, '181–365 days'],
    [3650, 'over a year'],
  ])('%i days since the last logon is in %s', (days, label) => {
    const { buckets } = summarize('s', AS_OF_ISO, [assessment({ lastLogonDaysAgo: days })], undefined).dormancy;
    expect(buckets.filter((bucket) => bucket.count === 1).map((bucket) => bucket.label)).toEqual([label]);
  });

  it('does not share the bucket counts between calls', () => {
    summarize('s', AS_OF_ISO, [assessment({ lastLogonDaysAgo: 1 })], undefined);
    expect(DORMANCY_BUCKETS[0]).toEqual({ label: '0–30 days', from: 0, to: 30 });
    expect(summarize('s', AS_OF_ISO, [], undefined).dormancy.buckets.every((bucket) => bucket.count === 0)).toBe(true);
  });

  it('compares enabled non-human accounts with enabled human ones', () => {
    expect(summary.imbalance).toEqual({
      enabledAccounts: 6,
      enabledNhi: 3,
      enabledHuman: 3,
      nhiPerHuman: 1,
      activeEmployees: null,
      accountsOverEmployees: null,
    });
  });

  it('rounds the ratio to three decimals', () => {
    const accounts = [
      assessment({ isNhi: true, type: 'service' }),
      assessment({ isNhi: true, type: 'service' }),
      assessment({}),
      assessment({}),
      assessment({}),
    ];
    expect(summarize('s', AS_OF_ISO, accounts, undefined).imbalance.nhiPerHuman).toBe(0.667);
  });

  it('has no ratio without an enabled human account', () => {
    const accounts = [assessment({ isNhi: true, type: 'bot' }), assessment({ enabled: false })];
    expect(summarize('s', AS_OF_ISO, accounts, undefined).imbalance).toMatchObject({
      enabledHuman: 0,
      nhiPerHuman: null,
    });
  });

  it('compares enabled accounts with active employees when an HR list reconciled the snapshot', () => {
    expect(summarize('snap-1', AS_OF_ISO, ACCOUNTS, figures(4)).imbalance).toMatchObject({
      activeEmployees: 4,
      accountsOverEmployees: 2,
    });
    expect(summarize('snap-1', AS_OF_ISO, ACCOUNTS, figures(10)).imbalance.accountsOverEmployees).toBe(-4);
  });

  it('sums an empty snapshot to zeros', () => {
    const empty = summarize('s', AS_OF_ISO, [], figures(0));
    expect(empty).toMatchObject({ accounts: 0, enabledAccounts: 0, nhi: 0, human: 0, orphaned: 0 });
    expect(empty.imbalance).toEqual({
      enabledAccounts: 0,
      enabledNhi: 0,
      enabledHuman: 0,
      nhiPerHuman: null,
      activeEmployees: 0,
      accountsOverEmployees: 0,
    });
  });
});
