import { z } from 'zod';
import {
  AccountResultSchema,
  AccountStateSchema,
  ContainmentStepsSchema,
  RefusalSchema,
  RESULT_KINDS,
  CONTAIN_STEPS,
} from '../governance/kill-switch/record-schemas';
import { BindPasswordSchema, TaskIdSchema } from './schemas';

/** Shapes of the kill switch and audit log operations. */

/** Each step is optional; disabling is what a kill switch is for, so it is on unless turned off. */
export const ContainmentStepsInputSchema = z
  .object({
    disable: z.boolean().default(true),
    resetPassword: z.boolean().default(false),
    removeGroups: z.boolean().default(false),
    quarantineOu: z.string().trim().min(1).max(2048).nullable().default(null),
    stamp: z.boolean().default(false),
  })
  .strict();

/** A destructive action binds afresh: the password is required, never taken from the profile. */
const freshBind = {
  profileId: z.string().uuid(),
  password: BindPasswordSchema,
  /** Required when the profile uses plain LDAP, each time: the password crosses the network in clear text. */
  confirmPlainTextBind: z.boolean().default(false),
};

const ObjectGuidsSchema = z.array(z.string().trim().min(1).max(100)).min(1).max(100_000);

const containmentFields = {
  ...freshBind,
  reason: z.string().trim().min(1, 'reason is required').max(1000),
  steps: ContainmentStepsInputSchema,
  /** Accounts of the latest snapshot, by objectGUID. */
  objectGuids: ObjectGuidsSchema.optional(),
  /** And/or the accounts of the latest snapshot a filter expression (a saved view) selects. */
  filter: z.string().trim().min(1).max(4000).optional(),
};

const someAccounts = (input: { objectGuids?: string[] | undefined; filter?: string | undefined }): boolean =>
  input.objectGuids !== undefined || input.filter !== undefined;
const SOME_ACCOUNTS = { message: 'give objectGuids or a filter', path: ['objectGuids'] };

export const PlanContainmentInputSchema = z.object(containmentFields).strict().refine(someAccounts, SOME_ACCOUNTS);

export const ContainAccountsInputSchema = z
  .object({
    ...containmentFields,
    taskId: TaskIdSchema.optional(),
    /** Required for more than one account: the exact number selected (planContainment answers it). */
    confirmCount: z.number().int().positive().optional(),
  })
  .strict()
  .refine(someAccounts, SOME_ACCOUNTS);

export const RestoreAccountsInputSchema = z
  .object({
    ...freshBind,
    taskId: TaskIdSchema.optional(),
    objectGuids: ObjectGuidsSchema,
    /** Restore even where the account changed since its containment. */
    force: z.boolean().default(false),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export const AccountProgressSchema = z
  .object({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    objectGuid: z.string(),
    samAccountName: z.string(),
    result: z.enum(RESULT_KINDS),
  })
  .strict();

const CountsSchema = z
  .object(
    Object.fromEntries(RESULT_KINDS.map((kind) => [kind, z.number().int().nonnegative()])) as Record<
      (typeof RESULT_KINDS)[number],
      z.ZodNumber
    >,
  )
  .strict();

export const ContainmentPlanSchema = z
  .object({
    snapshotId: z.string(),
    boundAs: z.string(),
    dc: z.string(),
    reason: z.string(),
    steps: ContainmentStepsSchema,
    confirmCount: z.number().int().nonnegative(),
    accounts: z.array(
      z
        .object({
          objectGuid: z.string(),
          samAccountName: z.string(),
          dn: z.string(),
          state: AccountStateSchema.nullable(),
          refusal: RefusalSchema.nullable(),
          problem: z.string().nullable(),
          steps: z.array(z.object({ step: z.enum(CONTAIN_STEPS), noOp: z.boolean(), summary: z.string() }).strict()),
          notes: z.array(z.string()),
        })
        .strict(),
    ),
    counts: z
      .object({
        willChange: z.number().int().nonnegative(),
        alreadyContained: z.number().int().nonnegative(),
        refused: z.number().int().nonnegative(),
        problems: z.number().int().nonnegative(),
      })
      .strict(),
    notes: z.array(z.string()),
  })
  .strict();

export const ContainmentReportSchema = z
  .object({
    snapshotId: z.string(),
    boundAs: z.string(),
    dc: z.string(),
    reason: z.string(),
    steps: ContainmentStepsSchema,
    results: z.array(AccountResultSchema),
    counts: CountsSchema,
    cancelled: z.boolean(),
    notes: z.array(z.string()),
  })
  .strict();

export const RestoreReportSchema = z
  .object({
    boundAs: z.string(),
    dc: z.string(),
    results: z.array(AccountResultSchema),
    counts: CountsSchema,
    cancelled: z.boolean(),
  })
  .strict();

export const ListAuditLogInputSchema = z
  .object({
    /** An action (kill-switch.contain) or a family of them (kill-switch). */
    action: z.string().trim().min(1).max(200).optional(),
    /** Part of the target DN, or an objectGUID, sAMAccountName, UPN or SID the entry records. */
    target: z.string().trim().min(1).max(2048).optional(),
    /** ISO date or time: entries from then on. */
    since: z.string().trim().min(1).max(64).optional(),
    afterSeq: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    result: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .strict();

export const AuditLogPageSchema = z
  .object({ entries: z.array(AuditEntrySchema), nextAfterSeq: z.number().int().nullable() })
  .strict();

export const AuditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative(), message: z.string() }).strict(),
  z
    .object({
      ok: z.literal(false),
      seq: z.number().int(),
      problem: z.string(),
      message: z.string(),
      entry: z
        .object({ at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable() })
        .strict()
        .nullable(),
    })
    .strict(),
]);
