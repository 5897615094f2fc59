/**
 * The words of the classification and risk contract: the values the CLI's
 * JSON, the API and the renderer use, exactly as administrators read them.
 */
export const ACCOUNT_TYPES = [
  'human',
  'human-secondary',
  'service',
  'gmsa',
  'smsa',
  'dmsa',
  'bot',
  'ai-agent',
  'shared',
  'test',
  'unknown-nhi',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Types a person signs in with; every other type is a non-human identity. */
export const HUMAN_TYPES: ReadonlySet<AccountType> = new Set(['human', 'human-secondary']);

/** Types a naming or description pattern in the policy can give. */
export const PATTERN_TYPES = ['ai-agent', 'bot', 'test', 'shared', 'service', 'human-secondary'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];

export const OWNER_STATUSES = ['active', 'leaver', 'missing'] as const;
export type OwnerStatus = (typeof OWNER_STATUSES)[number];

export const USAGES = ['active', 'dormant', 'never-used', 'disabled', 'expired'] as const;
export type Usage = (typeof USAGES)[number];

/** The HR outcome as the accounts contract spells it (reconciliation's own `human` reads as `none` here). */
export const HR_VALUES = ['matched', 'leaver', 'matched-disabled', 'probable', 'ambiguous', 'none'] as const;
export type HrValue = (typeof HR_VALUES)[number];

export const RISK_TIERS = ['high', 'medium', 'low'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const RISK_FACTORS = ['criticality', 'sensitivity', 'impact'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export function isNhiType(type: AccountType): boolean {
  return !HUMAN_TYPES.has(type);
}
