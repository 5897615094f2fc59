import type { HeadlineFigures } from '../hr/figures';
import type { AccountAssessment } from './assess-accounts';
import {
  ACCOUNT_TYPES,
  OWNER_STATUSES,
  RISK_TIERS,
  USAGES,
  type AccountType,
  type OwnerStatus,
  type RiskTier,
  type Usage,
} from './vocabulary';

/** Days since the last logon, for the dormancy histogram; `to` null is open-ended. */
export const DORMANCY_BUCKETS: readonly { label: string; from: number; to: number | null }[] = [
  { label: '0–30 days', from: 0, to: 30 },
  { label: '31–60 days', from: 31, to: 60 },
  { label: '61–90 days', from: 61, to: 90 },
  { label: '91–180 days', from: 91, to: 180 },
  { label: '181–365 days', from: 181, to: 365 },
  { label: 'over a year', from: 366, to: null },
];

export interface DormancyBucket {
  label: string;
  from: number;
  to: number | null;
  count: number;
}

export interface RiskSummary {
  snapshotId: string;
  /** The snapshot's time, ISO: what the figures describe. */
  asOf: string;
  accounts: number;
  enabledAccounts: number;
  nhi: number;
  human: number;
  orphaned: number;
  byType: Record<AccountType, number>;
  byTier: Record<RiskTier, number>;
  /** Non-human accounts only, by tier. */
  nhiByTier: Record<RiskTier, number>;
  byUsage: Record<Usage, number>;
  /** Non-human accounts only: owner coverage. */
  byOwnerStatus: Record<OwnerStatus, number>;
  /** Enabled accounts by days since their last logon; `never` counts those that never logged on. */
  dormancy: { buckets: DormancyBucket[]; never: number };
  /** Enabled accounts against active employees, from the snapshot's reconciliation with the HR list. */
  imbalance: {
    enabledAccounts: number;
    enabledNhi: number;
    enabledHuman: number;
    /** Enabled non-human accounts per enabled human account; null without any human account. */
    nhiPerHuman: number | null;
    /** Null when no HR list has reconciled this snapshot. */
    activeEmployees: number | null;
    /** enabledAccounts − activeEmployees; null without an HR list. */
    accountsOverEmployees: number | null;
  };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Counts of a snapshot's assessment for the dashboard and `warden summary`. */
export function summarize(
  snapshotId: string,
  asOf: string,
  accounts: readonly AccountAssessment[],
  figures: HeadlineFigures | undefined,
): RiskSummary {
  const byType = zeros(ACCOUNT_TYPES);
  const byTier = zeros(RISK_TIERS);
  const nhiByTier = zeros(RISK_TIERS);
  const byUsage = zeros(USAGES);
  const byOwnerStatus = zeros(OWNER_STATUSES);
  const buckets = DORMANCY_BUCKETS.map((bucket) => ({ ...bucket, count: 0 }));
  let never = 0;
  let enabled = 0;
  let enabledNhi = 0;
  let nhi = 0;
  let orphaned = 0;
  for (const account of accounts) {
    byType[account.type] += 1;
    byTier[account.risk] += 1;
    byUsage[account.usage] += 1;
    if (account.isNhi) {
      nhi += 1;
      nhiByTier[account.risk] += 1;
      byOwnerStatus[account.ownerStatus] += 1;
      if (account.orphaned) orphaned += 1;
    }
    if (!account.enabled) continue;
    enabled += 1;
    if (account.isNhi) enabledNhi += 1;
    const days = account.lastLogonDaysAgo;
    if (days === null) never += 1;
    else {
      const bucket = buckets.find((candidate) => candidate.to === null || days <= candidate.to);
      if (bucket !== undefined) bucket.count += 1;
    }
  }
  const enabledHuman = enabled - enabledNhi;
  return {
    snapshotId,
    asOf,
    accounts: accounts.length,
    enabledAccounts: enabled,
    nhi,
    human: accounts.length - nhi,
    orphaned,
    byType,
    byTier,
    nhiByTier,
    byUsage,
    byOwnerStatus,
    dormancy: { buckets, never },
    imbalance: {
      enabledAccounts: enabled,
      enabledNhi,
      enabledHuman,
      nhiPerHuman: enabledHuman === 0 ? null : Math.round((enabledNhi / enabledHuman) * 1000) / 1000,
      activeEmployees: figures?.activeEmployees ?? null,
      accountsOverEmployees: figures === undefined ? null : enabled - figures.activeEmployees,
    },
  };
}
