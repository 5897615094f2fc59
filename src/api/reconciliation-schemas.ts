import { z } from 'zod';
import { ACCOUNT_OUTCOMES, MATCH_RULES } from '../hr/outcomes';
import { MATCH_DECISION_KINDS } from '../hr/match-decisions';
import { HR_STATUSES } from '../hr/fields';

/** The shapes of the reconciliation's operations: src/hr's results, as they cross the boundary. */

export const AccountOutcomeSchema = z.enum(ACCOUNT_OUTCOMES);

const MatchCandidateSchema = z
  .object({
    employeeId: z.string().nullable(),
    rowNumber: z.number().int(),
    name: z.string().nullable(),
    attribute: z.string().optional(),
    value: z.string().optional(),
    score: z.number().optional(),
  })
  .strict();

export const AccountResultSchema = z
  .object({
    objectGuid: z.string(),
    samAccountName: z.string(),
    displayName: z.string().nullable(),
    enabled: z.boolean(),
    outcome: AccountOutcomeSchema,
    rule: z.enum(MATCH_RULES).nullable(),
    person: MatchCandidateSchema.nullable(),
    candidates: z.array(MatchCandidateSchema),
    secondaryOf: z.string().nullable(),
    decided: z.enum(['confirmed', 'human', 'nhi']).nullable(),
    reason: z.string(),
  })
  .strict();

export const HeadlineFiguresSchema = z
  .object({
    enabledAccounts: z.number().int(),
    activeEmployees: z.number().int(),
    imbalance: z.number().int(),
    humanAccounts: z.number().int(),
    nhiAccounts: z.number().int(),
    undecidedAccounts: z.number().int(),
    nhiPerHuman: z.number().nullable(),
    outcomes: z.record(AccountOutcomeSchema, z.number().int()),
    employeesWithoutAccount: z.number().int(),
  })
  .strict();

export const GetReconciliationInputSchema = z
  .object({
    /** The latest complete snapshot when absent. */
    snapshotId: z.string().min(1).max(100).optional(),
    /** Only the accounts with this outcome. */
    outcome: AccountOutcomeSchema.optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(10_000).default(500),
  })
  .strict();

export const ReconciliationSchema = z
  .object({
    snapshotId: z.string(),
    snapshotStartedAt: z.string(),
    hrImportId: z.string(),
    hrFileName: z.string(),
    reconciledAt: z.string(),
    fuzzyNameThreshold: z.number(),
    figures: HeadlineFiguresSchema,
    history: z.array(
      z
        .object({
          snapshotId: z.string(),
          snapshotStartedAt: z.string(),
          hrImportId: z.string(),
          reconciledAt: z.string(),
          figures: HeadlineFiguresSchema,
        })
        .strict(),
    ),
    /** One page of the accounts (of the outcome asked for), in objectGUID order. */
    accounts: z
      .object({ total: z.number().int(), offset: z.number().int(), items: z.array(AccountResultSchema) })
      .strict(),
    employees: z.array(
      z
        .object({
          employeeId: z.string().nullable(),
          rowNumber: z.number().int(),
          name: z.string().nullable(),
          status: z.enum(HR_STATUSES).nullable(),
          outcome: z.literal('no-account'),
        })
        .strict(),
    ),
  })
  .strict();

export const MatchDecisionInputSchema = z
  .object({
    /** objectGUID, or sAMAccountName in the latest snapshot. */
    account: z.string().trim().min(1, 'account is required').max(256),
    decision: z.enum([...MATCH_DECISION_KINDS, 'withdraw']),
    employeeId: z.string().trim().min(1).max(256).optional(),
    reason: z.string().trim().min(1, 'a reason is required').max(2_000),
  })
  .strict();

export const MatchDecisionRecordedSchema = z
  .object({
    accountGuid: z.string(),
    samAccountName: z.string(),
    decision: z
      .object({
        accountGuid: z.string(),
        kind: z.enum(MATCH_DECISION_KINDS),
        employeeId: z.string().nullable(),
        reason: z.string(),
        actor: z.string(),
        decidedAt: z.string(),
      })
      .strict()
      .nullable(),
  })
  .strict();
