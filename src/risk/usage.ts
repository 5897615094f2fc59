import { hasUacFlag } from '../directory/uac-flags';
import type { UsageFacts } from '../store';
import { daysBefore } from './days';
import type { RiskPolicy } from './policy-schema';
import type { Usage } from './vocabulary';

export interface UsageVerdict {
  usage: Usage;
  /** Days since lastLogonTimestamp; null when the account never logged on (as far as AD replicates). */
  lastLogonDaysAgo: number | null;
  /**
   * lastLogonTimestamp lags the real last logon by up to the policy's lag: near
   * the dormancy line the verdict may flip once each DC's exact `lastLogon` is read.
   */
  approximate: boolean;
  reason: string;
}

function verdict(usage: Usage, lastLogonDaysAgo: number | null, approximate: boolean, reason: string): UsageVerdict {
  return { usage, lastLogonDaysAgo, approximate, reason };
}

/** How an account is used, as of `asOf` (the snapshot's time), by the policy's thresholds. */
export function usageOf(
  account: Omit<UsageFacts, 'snapshotId'>,
  asOf: number,
  policy: RiskPolicy['usage'],
): UsageVerdict {
  const lastLogonDaysAgo = daysBefore(account.lastLogonTimestamp, asOf) ?? null;
  if (hasUacFlag(account.userAccountControl, 'ACCOUNTDISABLE')) {
    return verdict('disabled', lastLogonDaysAgo, false, 'the account is disabled (ACCOUNTDISABLE)');
  }
  const expiredDaysAgo = daysBefore(account.accountExpires, asOf);
  if (expiredDaysAgo !== undefined && expiredDaysAgo >= 0) {
    return verdict(
      'expired',
      lastLogonDaysAgo,
      false,
      `the account expired ${expiredDaysAgo} day(s) ago (accountExpires)`,
    );
  }
  if (lastLogonDaysAgo === null) {
    const ageDays = daysBefore(account.whenCreated, asOf);
    if (ageDays === undefined || ageDays > policy.neverUsedGraceDays) {
      const age = ageDays === undefined ? 'of unknown age' : `created ${ageDays} day(s) ago`;
      return verdict('never-used', null, false, `no logon recorded; ${age}`);
    }
    return verdict(
      'active',
      null,
      false,
      `no logon yet, but created ${ageDays} day(s) ago: within the ${policy.neverUsedGraceDays}-day grace period`,
    );
  }
  const approximate = Math.abs(lastLogonDaysAgo - policy.dormantDays) <= policy.lastLogonLagDays;
  const note = approximate
    ? ` (approximate: lastLogonTimestamp may lag up to ${policy.lastLogonLagDays} days; ask each DC for lastLogon to be sure)`
    : '';
  if (lastLogonDaysAgo > policy.dormantDays) {
    return verdict(
      'dormant',
      lastLogonDaysAgo,
      approximate,
      `last logon ${lastLogonDaysAgo} days ago, over ${policy.dormantDays}${note}`,
    );
  }
  return verdict('active', lastLogonDaysAgo, approximate, `last logon ${lastLogonDaysAgo} day(s) ago${note}`);
}
