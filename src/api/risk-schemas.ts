import { z } from 'zod';
import { ANOMALY_KINDS } from '../risk/anomalies';
import { RiskPolicySchema } from '../risk/policy-schema';
import { ACCOUNT_TYPES, HR_VALUES, OWNER_STATUSES, RISK_FACTORS, RISK_TIERS, USAGES } from '../risk/vocabulary';

/** The shapes of classification and risk as they cross the boundary: src/risk's results, checked on the way out. */

export const AccountTypeSchema = z.enum(ACCOUNT_TYPES);
export const RiskTierSchema = z.enum(RISK_TIERS);
export const UsageSchema = z.enum(USAGES);
export const OwnerStatusSchema = z.enum(OWNER_STATUSES);
export const HrValueSchema = z.enum(HR_VALUES);
export const RiskFactorSchema = z.enum(RISK_FACTORS);

const SnapshotIdSchema = z.string().min(1).max(100);
const Count = z.number().int().nonnegative();
const counts = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), Count);

export const RiskSummarySchema = z
  .object({
    snapshotId: z.string(),
    asOf: z.string(),
    accounts: Count,
    enabledAccounts: Count,
    nhi: Count,
    human: Count,
    orphaned: Count,
    byType: counts(ACCOUNT_TYPES),
    byTier: counts(RISK_TIERS),
    nhiByTier: counts(RISK_TIERS),
    byUsage: counts(USAGES),
    byOwnerStatus: counts(OWNER_STATUSES),
    dormancy: z
      .object({
        buckets: z.array(z.object({ label: z.string(), from: Count, to: Count.nullable(), count: Count }).strict()),
        never: Count,
      })
      .strict(),
    imbalance: z
      .object({
        enabledAccounts: Count,
        enabledNhi: Count,
        enabledHuman: Count,
        nhiPerHuman: z.number().nullable(),
        activeEmployees: Count.nullable(),
        accountsOverEmployees: z.number().int().nullable(),
      })
      .strict(),
  })
  .strict();

export const AnomalySchema = z
  .object({
    kind: z.enum(ANOMALY_KINDS),
    objectGuid: z.string(),
    samAccountName: z.string(),
    summary: z.string(),
    groups: z.array(z.string()).optional(),
  })
  .strict();

/** Where the policy in force comes from, without the policy itself. */
export const PolicyOriginSchema = z
  .object({
    source: z.enum(['saved', 'default', 'file']),
    hash: z.string(),
    savedAt: z.string().nullable(),
    savedBy: z.string().nullable(),
  })
  .strict();

export const PolicyInForceSchema = PolicyOriginSchema.extend({ policy: RiskPolicySchema }).strict();

/** One assessed snapshot's figures, for the trend across snapshots. */
export const RiskTrendPointSchema = z
  .object({
    snapshotId: z.string(),
    snapshotStartedAt: z.string(),
    byTier: counts(RISK_TIERS),
    nhi: Count,
    human: Count,
    enabledAccounts: Count,
    orphaned: Count,
    activeEmployees: Count.nullable(),
  })
  .strict();

export const GetRiskOverviewInputSchema = z
  .object({
    /** The latest complete snapshot when absent. */
    snapshotId: SnapshotIdSchema.optional(),
  })
  .strict();

export const RiskOverviewSchema = z
  .object({
    snapshot: z
      .object({
        id: z.string(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        sourceKind: z.enum(['ldap', 'ldif', 'demo']),
      })
      .strict(),
    previousSnapshotId: z.string().nullable(),
    policy: PolicyOriginSchema,
    summary: RiskSummarySchema,
    anomalies: z.array(AnomalySchema),
    /** Snapshots of the same source (profile, LDIF or demo) up to this one, oldest first. */
    trend: z.array(RiskTrendPointSchema),
  })
  .strict();

export const ACCOUNT_SORT_FIELDS = [
  'samAccountName',
  'displayName',
  'type',
  'risk',
  'score',
  'usage',
  'lastLogonDaysAgo',
  'ownerStatus',
  'owner',
  'hr',
] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

/** At most this many rows per page: the table stays quick to draw and the reply small. */
export const MAX_ACCOUNTS_PAGE = 500;

const anyOf = <T extends z.ZodType>(value: T) => z.array(value).min(1).max(20).optional();

export const ListAssessedAccountsInputSchema = z
  .object({
    snapshotId: SnapshotIdSchema.optional(),
    /** An expression of the account filter language, e.g. `type=service|gmsa and score>=10`. */
    filter: z.string().trim().min(1).max(2_000).optional(),
    /** Each list keeps the accounts with any of its values; the lists and the other criteria all apply. */
    type: anyOf(AccountTypeSchema),
    risk: anyOf(RiskTierSchema),
    usage: anyOf(UsageSchema),
    ownerStatus: anyOf(OwnerStatusSchema),
    hr: anyOf(HrValueSchema),
    isNhi: z.boolean().optional(),
    enabled: z.boolean().optional(),
    /** Days since the last logon, both ends included (`to` null: no upper end), or `never` for no logon at all. */
    lastLogon: z.union([z.literal('never'), z.object({ from: Count, to: Count.nullable() }).strict()]).optional(),
    /** Contained, without case, in the sAMAccountName, display name, DN or owner. */
    search: z.string().trim().min(1).max(256).optional(),
    /** Highest risk first by default. */
    sort: z
      .object({ field: z.enum(ACCOUNT_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    offset: Count.default(0),
    limit: z.number().int().min(1).max(MAX_ACCOUNTS_PAGE).default(100),
  })
  .strict();

export const AssessedAccountRowSchema = z
  .object({
    objectGuid: z.string(),
    samAccountName: z.string(),
    displayName: z.string().nullable(),
    dn: z.string(),
    ou: z.string().nullable(),
    enabled: z.boolean(),
    type: AccountTypeSchema,
    isNhi: z.boolean(),
    risk: RiskTierSchema,
    score: z.number().int(),
    usage: UsageSchema,
    lastLogonDaysAgo: z.number().int().nullable(),
    ownerStatus: OwnerStatusSchema,
    owner: z.string().nullable(),
    hr: HrValueSchema,
    /** The finding that weighs most, the first one listed on a tie; null when nothing was found. */
    topReason: z.object({ id: z.string(), title: z.string(), summary: z.string() }).strict().nullable(),
  })
  .strict();

export const AssessedAccountsPageSchema = z
  .object({
    snapshotId: z.string(),
    total: Count,
    offset: Count,
    rows: z.array(AssessedAccountRowSchema),
  })
  .strict();

const EvidenceValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const FindingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    factor: RiskFactorSchema,
    effect: z.enum(['level', 'points']),
    weight: z.number().int(),
    evidence: z
      .object({
        summary: z.string(),
        details: z.record(z.string(), EvidenceValueSchema).optional(),
        level: z.number().int().optional(),
      })
      .strict(),
    /** Why the rule matters and what to do about it, from the rule itself. */
    rationale: z.string(),
    remediation: z.string(),
  })
  .strict();

export const AccountAssessmentSchema = z
  .object({
    objectGuid: z.string(),
    samAccountName: z.string(),
    dn: z.string(),
    displayName: z.string().nullable(),
    ou: z.string().nullable(),
    enabled: z.boolean(),
    isNhi: z.boolean(),
    type: AccountTypeSchema,
    typeDecidedBy: z.enum(['hand', 'object-class', 'hr', 'pattern', 'spn', 'weak-signals']),
    typeSignals: z.array(z.object({ id: z.string(), text: z.string() }).strict()),
    owner: z.string().nullable(),
    ownerDn: z.string().nullable(),
    ownerSource: z.enum(['warden', 'manager', 'managedBy']).nullable(),
    ownerStatus: OwnerStatusSchema,
    ownerReason: z.string(),
    orphaned: z.boolean(),
    usage: UsageSchema,
    lastLogonDaysAgo: z.number().int().nullable(),
    usageApproximate: z.boolean(),
    usageReason: z.string(),
    hr: HrValueSchema,
    risk: RiskTierSchema,
    score: z.number().int(),
    factors: z.record(RiskFactorSchema, z.number().int()),
    reasons: z.array(FindingSchema),
    groupCount: Count,
    privilegedPaths: z.array(
      z
        .object({
          groupGuid: z.string(),
          group: z.string(),
          tier: z.enum(['critical', 'high', 'medium']),
          path: z.array(z.string()),
          viaPrimaryGroup: z.boolean(),
        })
        .strict(),
    ),
    tags: z.array(z.string()),
  })
  .strict();

const factOf = <T extends z.ZodType>(value: T) =>
  z.object({ value, reason: z.string(), actor: z.string(), decidedAt: z.string() }).strict().nullable();

/** What was set by hand in Warden about the account, each with who, when and why; null when nothing is. */
export const AccountMetadataFactsSchema = z
  .object({
    type: factOf(z.string()),
    owner: factOf(z.string()),
    tags: factOf(z.array(z.string())),
  })
  .strict();

export const GetAccountAssessmentInputSchema = z
  .object({
    objectGuid: z.string().trim().min(1, 'objectGuid is required').max(100),
    snapshotId: SnapshotIdSchema.optional(),
  })
  .strict();

export const UsagePointSchema = z
  .object({
    snapshotId: z.string(),
    asOf: z.string(),
    usage: UsageSchema,
    enabled: z.boolean(),
    lastLogonTimestamp: z.string().nullable(),
    lastLogonDaysAgo: z.number().int().nullable(),
    pwdLastSet: z.string().nullable(),
  })
  .strict();

export const AccountDetailSchema = z
  .object({
    snapshotId: z.string(),
    policy: PolicyOriginSchema,
    account: AccountAssessmentSchema,
    metadata: AccountMetadataFactsSchema,
    /** The account's usage in the last snapshots of the same source that hold it, oldest first, this one last. */
    usageHistory: z.array(UsagePointSchema),
  })
  .strict();

export const PoliciesSchema = z
  .object({
    inForce: PolicyInForceSchema,
    /** The bundled defaults, for comparison and to go back to. */
    defaults: RiskPolicySchema,
  })
  .strict();

export const SavePolicyInputSchema = z
  .object({
    /** The whole policy as JSON; validated by the risk stage, which names each problem by its place. */
    policy: z.unknown(),
  })
  .strict();

const ReasonSchema = z.string().trim().min(1, 'a reason is required').max(2_000);
const metadataInput = <K extends string, V extends z.ZodType>(kind: K, value: V) =>
  z
    .object({
      objectGuid: GetAccountAssessmentInputSchema.shape.objectGuid,
      kind: z.literal(kind),
      /** null withdraws what was set, and the directory's own value applies again. */
      value: value.nullable(),
      reason: ReasonSchema,
    })
    .strict();

export const SetAccountMetadataInputSchema = z.discriminatedUnion('kind', [
  metadataInput('type', AccountTypeSchema),
  metadataInput('owner', z.string().trim().min(1, 'an owner is required; withdraw it with null instead').max(1_024)),
  metadataInput('tags', z.array(z.string().trim().min(1).max(100)).max(50)),
]);

export type RiskOverview = z.output<typeof RiskOverviewSchema>;
export type ListAssessedAccountsInput = z.output<typeof ListAssessedAccountsInputSchema>;
export type AssessedAccountRow = z.output<typeof AssessedAccountRowSchema>;
export type AccountDetail = z.output<typeof AccountDetailSchema>;
export type RiskTrendPoint = z.output<typeof RiskTrendPointSchema>;
