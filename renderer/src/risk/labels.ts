import type { AccountType, HrValue, OwnerStatus, RiskFactor, RiskTier, Usage } from './risk-types';

/** The contract's words as an administrator reads them. A Record, so a new value cannot go unlabelled. */

export const TYPE_LABELS: Record<AccountType, string> = {
  human: 'Human',
  'human-secondary': 'Human, second account',
  service: 'Service account',
  gmsa: 'gMSA',
  smsa: 'sMSA',
  dmsa: 'dMSA',
  bot: 'Bot',
  'ai-agent': 'AI agent',
  shared: 'Shared account',
  test: 'Test account',
  'unknown-nhi': 'Unknown NHI',
};

export const TIER_LABELS: Record<RiskTier, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export const USAGE_LABELS: Record<Usage, string> = {
  active: 'Active',
  dormant: 'Dormant',
  'never-used': 'Never used',
  disabled: 'Disabled',
  expired: 'Expired',
};

export const OWNER_STATUS_LABELS: Record<OwnerStatus, string> = {
  active: 'Owner active',
  leaver: 'Owner has left',
  missing: 'No owner',
};

export const HR_LABELS: Record<HrValue, string> = {
  matched: 'Matched',
  leaver: 'Leaver',
  'matched-disabled': 'Matched, disabled',
  probable: 'Probable match',
  ambiguous: 'Ambiguous',
  none: 'No HR match',
};

export const FACTOR_LABELS: Record<RiskFactor, string> = {
  criticality: 'Criticality',
  sensitivity: 'Sensitivity',
  impact: 'Impact',
};

/** The keys of a label table, in its order (the order the contract lists them). */
export function valuesOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}
