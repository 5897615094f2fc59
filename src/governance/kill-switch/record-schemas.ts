import { z } from 'zod';

/**
 * The shapes the kill switch records in the audit log and answers with. They
 * are read back to undo a containment, so they are checked on the way in as
 * on the way out; plain zod, so the contract can reuse them.
 */

/** The steps of a containment, in the order they run. */
export const CONTAIN_STEPS = ['disable', 'reset-password', 'remove-groups', 'quarantine', 'stamp'] as const;
/** The steps of an undo, in the order they run: the account is enabled last, once everything else is back. */
export const RESTORE_STEPS = ['move-back', 'groups', 'description', 'enable'] as const;
export const STEP_STATUSES = ['applied', 'no-op', 'denied', 'failed', 'not-attempted'] as const;
export const RESULT_KINDS = ['done', 'refused', 'denied', 'failed'] as const;
export const GUARDRAILS = [
  'krbtgt',
  'built-in-administrator',
  'domain-controller',
  'operator-account',
  'break-glass',
  'changed-since-containment',
] as const;
export const STATE_FIELDS = ['dn', 'enabled', 'groups', 'description', 'info'] as const;

export const CONTAIN_ACTION = 'kill-switch.contain';
export const RESTORE_ACTION = 'kill-switch.restore';

/** An account as AD had it at one moment: what a containment changes and an undo puts back. */
export const AccountStateSchema = z
  .object({
    objectGuid: z.string(),
    dn: z.string(),
    samAccountName: z.string(),
    userPrincipalName: z.string().nullable(),
    sid: z.string().nullable(),
    userAccountControl: z.number().int(),
    enabled: z.boolean(),
    primaryGroupId: z.number().int().nullable(),
    primaryGroupDn: z.string().nullable(),
    /** DNs of the groups whose `member` holds the account, sorted; the primary group is not among them. */
    groups: z.array(z.string()),
    /** The container the account lives in: its DN without the first RDN. */
    ou: z.string(),
    description: z.string().nullable(),
    info: z.string().nullable(),
  })
  .strict();

export const ContainmentStepsSchema = z
  .object({
    disable: z.boolean(),
    resetPassword: z.boolean(),
    removeGroups: z.boolean(),
    /** The OU to move the account to, keeping its name; null leaves it where it is. */
    quarantineOu: z.string().nullable(),
    stamp: z.boolean(),
  })
  .strict();

export const StepOutcomeSchema = z
  .object({
    step: z.enum([...CONTAIN_STEPS, ...RESTORE_STEPS]),
    status: z.enum(STEP_STATUSES),
    detail: z.string(),
    error: z.object({ code: z.string(), message: z.string() }).strict().optional(),
  })
  .strict();

export const StateDifferenceSchema = z
  .object({
    field: z.enum(STATE_FIELDS),
    /** As recorded after the containment. */
    expected: z.string(),
    /** As AD has it now. */
    actual: z.string(),
  })
  .strict();

export const RefusalSchema = z
  .object({
    guardrail: z.enum(GUARDRAILS),
    message: z.string(),
    differences: z.array(StateDifferenceSchema).optional(),
  })
  .strict();

/** What happened to one account: the answer of a containment or an undo, and what its audit entry records. */
export const AccountResultSchema = z
  .object({
    objectGuid: z.string(),
    samAccountName: z.string(),
    dn: z.string(),
    result: z.enum(RESULT_KINDS),
    /** In words, for the operator. */
    message: z.string(),
    refusal: RefusalSchema.nullable(),
    steps: z.array(StepOutcomeSchema),
    /** What the operator should know besides the steps (e.g. that an old password cannot come back). */
    notes: z.array(z.string()),
    before: AccountStateSchema.nullable(),
    after: AccountStateSchema.nullable(),
    /** The audit entry that records it; null when nothing was attempted. */
    auditSeq: z.number().int().nullable(),
  })
  .strict();

/** The `after` of a kill-switch audit entry; its `before` is the AccountState read before acting. */
export const RecordedOutcomeSchema = z
  .object({
    objectGuid: z.string(),
    state: AccountStateSchema.nullable(),
    steps: z.array(StepOutcomeSchema),
    notes: z.array(z.string()),
    refusal: RefusalSchema.nullable(),
    message: z.string(),
    boundAs: z.string(),
    dc: z.string(),
    /** For a containment: the steps asked for. */
    requested: ContainmentStepsSchema.optional(),
    /** For an undo: the containment entries it undoes, and whether it went ahead over changes. */
    undoes: z.array(z.number().int()).optional(),
    forced: z.boolean().optional(),
  })
  .strict();

export type StepName = (typeof CONTAIN_STEPS)[number] | (typeof RESTORE_STEPS)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];
export type ResultKind = (typeof RESULT_KINDS)[number];
export type Guardrail = (typeof GUARDRAILS)[number];
export type AccountState = z.infer<typeof AccountStateSchema>;
export type ContainmentSteps = z.infer<typeof ContainmentStepsSchema>;
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;
export type StateDifference = z.infer<typeof StateDifferenceSchema>;
export type Refusal = z.infer<typeof RefusalSchema>;
export type AccountResult = z.infer<typeof AccountResultSchema>;
export type RecordedOutcome = z.infer<typeof RecordedOutcomeSchema>;
