import { z } from 'zod';
import { UsageSchema } from './risk-schemas';
import { BindPasswordSchema, TaskIdSchema } from './schemas';

/**
 * The contract's shapes for asking every domain controller for the exact
 * `lastLogon` of accounts of a snapshot, through a saved connection profile.
 */

/** At most this many accounts per request: each one is a search on every DC, one DC after the other. */
export const MAX_EXACT_LAST_LOGON_ACCOUNTS = 200;

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ObjectGuidSchema = z.string().trim().regex(GUID_PATTERN, 'each objectGuid must be an objectGUID');

export const QueryExactLastLogonInputSchema = z
  .object({
    taskId: TaskIdSchema.optional(),
    /** The saved profile whose bind reaches the domain; each DC is reached the same way with its own host. */
    profileId: z.string().uuid(),
    /** Accounts of the snapshot, by objectGUID: stable across renames and moves. */
    objectGuids: z
      .array(ObjectGuidSchema)
      .min(1, 'name at least one account')
      .max(MAX_EXACT_LAST_LOGON_ACCOUNTS, `at most ${MAX_EXACT_LAST_LOGON_ACCOUNTS} accounts at a time`),
    /** The snapshot whose verdicts are checked; the latest complete one when absent. */
    snapshotId: z.string().min(1).max(100).optional(),
    /** Absent: the password saved in the profile. */
    password: BindPasswordSchema.optional(),
    /** Required when the profile uses plain LDAP, each time: the password crosses the network in clear text to every DC. */
    confirmPlainTextBind: z.boolean().default(false),
  })
  .strict();

export const LastLogonProgressSchema = z
  .object({
    /** The DC being asked now. */
    host: z.string(),
    /** 0-based position of that DC. */
    dcIndex: z.number().int().nonnegative(),
    dcCount: z.number().int().positive(),
  })
  .strict();

export const UsageVerdictSchema = z
  .object({
    usage: UsageSchema,
    lastLogonDaysAgo: z.number().int().nullable(),
    approximate: z.boolean(),
    reason: z.string(),
  })
  .strict();

/** What one DC said about one account: its value, or why it gave none, in plain words. */
export const DcLastLogonSchema = z
  .object({
    host: z.string(),
    port: z.number().int(),
    lastLogon: z.string().nullable(),
    error: z.string().optional(),
    errorCode: z.string().optional(),
  })
  .strict();

export const DcOutcomeSchema = z
  .object({
    host: z.string(),
    port: z.number().int(),
    /** Whether the DC accepted the bind and could be searched. */
    answered: z.boolean(),
    error: z.string().optional(),
    errorCode: z.string().optional(),
  })
  .strict();

export const ExactLastLogonAccountSchema = z
  .object({
    reference: z.string(),
    objectGuid: z.string(),
    samAccountName: z.string(),
    dn: z.string(),
    /** The latest lastLogon of any DC that answered. */
    lastLogon: z.string().nullable(),
    lastLogonHost: z.string().nullable(),
    /** lastLogonTimestamp as the DCs hold it now. */
    lastLogonTimestamp: z.string().nullable(),
    /** The latest of every value known: the last logon the domain knows of. */
    lastLogonKnown: z.string().nullable(),
    daysAgo: z.number().int().nullable(),
    /** Every DC answered for this account, so no later logon can hide on one that did not. */
    exact: z.boolean(),
    perDc: z.array(DcLastLogonSchema),
    /** The snapshot's verdict, from its lastLogonTimestamp, as of the snapshot. */
    snapshotVerdict: UsageVerdictSchema,
    /** The verdict from the last logon known now. */
    verdict: UsageVerdictSchema,
    /** The usage differs from the snapshot's: its verdict does not hold. */
    verdictChanged: z.boolean(),
  })
  .strict();

export const ExactLastLogonReportSchema = z
  .object({
    snapshotId: z.string(),
    snapshotAsOf: z.string(),
    asOf: z.string(),
    policyHash: z.string(),
    dcsAsked: z.number().int().nonnegative(),
    dcsAnswered: z.number().int().nonnegative(),
    /** `given`: a list of DCs; `dns`: those the domain advertises; `target`: the profile's own DC alone. */
    dcSource: z.enum(['given', 'dns', 'target']),
    /** Why DNS named no DC, when the profile's own DC was asked alone. */
    discoveryError: z.string().optional(),
    domainControllers: z.array(DcOutcomeSchema),
    accounts: z.array(ExactLastLogonAccountSchema),
  })
  .strict();

export type QueryExactLastLogonInput = z.output<typeof QueryExactLastLogonInputSchema>;
export type ExactLastLogonReportOutput = z.output<typeof ExactLastLogonReportSchema>;
