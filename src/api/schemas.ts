import { z } from 'zod';

/** Shapes shared by several operations of the contract. */

export const SerializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))
    .optional(),
});

/** Client-chosen id that ties progress events and cancellation to one call. */
export const TaskIdSchema = z.string().uuid({ message: 'taskId must be a UUID' });

export const TransportSchema = z.enum(['ldaps', 'starttls', 'ldap']);

export const BindPasswordSchema = z.string().min(1, 'password is required').max(1024);

const hostPattern = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/;

export const ConnectionTargetSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'host is required')
      .max(253)
      .regex(hostPattern, 'host must be a DNS name or IP address'),
    port: z.number().int().min(1).max(65535).optional(),
    transport: TransportSchema.default('ldaps'),
    /** Plain LDAP sends the password in clear text: the user must say so twice. */
    allowPlainLdap: z.boolean().default(false),
    /**
     * The second "yes" for plain LDAP: the user confirmed that this one bind
     * sends the password in clear text. Asked each time, never saved.
     */
    confirmPlainTextBind: z.boolean().optional(),
    caPem: z.string().max(1_000_000).optional(),
    serverName: z.string().trim().min(1).max(253).optional(),
    bindName: z.string().trim().min(1, 'bind name is required').max(1024),
    baseDn: z.string().trim().min(1).max(2048).optional(),
    timeoutMs: z.number().int().min(1000).max(300_000).default(15_000),
  })
  .strict();

export const ConnectionProfileSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().trim().min(1, 'name is required').max(200),
    domain: z.string().trim().max(253),
    host: z.string(),
    port: z.number().int().optional(),
    transport: TransportSchema,
    allowPlainLdap: z.boolean(),
    caPem: z.string().optional(),
    serverName: z.string().optional(),
    bindName: z.string(),
    baseDn: z.string().optional(),
    /** Whether a bind password is saved in the profile; the password itself never leaves the core. */
    hasSavedPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

export const ProfileInputSchema = z
  .object({
    id: z.string().uuid().optional(),
    name: z.string().trim().min(1, 'name is required').max(200),
    domain: z.string().trim().max(253).default(''),
    host: ConnectionTargetSchema.shape.host,
    port: ConnectionTargetSchema.shape.port,
    transport: TransportSchema.default('ldaps'),
    allowPlainLdap: z.boolean().default(false),
    caPem: ConnectionTargetSchema.shape.caPem,
    serverName: ConnectionTargetSchema.shape.serverName,
    bindName: ConnectionTargetSchema.shape.bindName,
    baseDn: ConnectionTargetSchema.shape.baseDn,
    /**
     * true: save `password` in the profile (or keep the saved one, when no new
     * one is given and host and bind name are unchanged); false: forget any
     * saved password; absent: leave it as it is, unless host or bind name
     * change, which forgets it.
     */
    savePassword: z.boolean().optional(),
    password: BindPasswordSchema.optional(),
  })
  .strict()
  .refine((input) => input.password === undefined || input.savePassword === true, {
    path: ['password'],
    message: 'a password is only sent with a profile to be saved in it (savePassword: true)',
  });

export const MIN_PASSPHRASE_LENGTH = 12;
export const PassphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`)
  .max(1024);

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

export const SettingsSchema = z
  .object({
    theme: ThemeSchema,
    /** Jaro-Winkler similarity from which an account's name makes a `probable` match with an employee's. */
    fuzzyNameThreshold: z.number().min(0.7).max(1),
  })
  .strict();

export const StoreStatusSchema = z
  .object({
    state: z.enum(['open', 'locked']),
    /** How the database key is protected on this machine. */
    keyProtection: z.enum(['os-keystore', 'passphrase', 'none']),
    /** Set when the OS keystore offers no real protection and the user must choose a passphrase. */
    warning: z.string().optional(),
    path: z.string(),
    /** False until the first unlock creates the file: the user is choosing a passphrase, not entering one. */
    exists: z.boolean(),
    schemaVersion: z.number().int().optional(),
  })
  .strict();

export type ConnectionTarget = z.infer<typeof ConnectionTargetSchema>;
export type ConnectionProfile = z.infer<typeof ConnectionProfileSchema>;
export type ProfileInput = z.infer<typeof ProfileInputSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

export const ScanProgressSchema = z
  .object({
    phase: z.enum(['connecting', 'binding', 'reading-rootdse', 'accounts', 'groups', 'memberships', 'finishing']),
    accounts: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    ratePerSecond: z.number().nonnegative(),
    estimatedTotal: z.number().int().nonnegative().optional(),
  })
  .strict();

export const ScanSummarySchema = z
  .object({
    snapshotId: z.string(),
    accounts: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    incremental: z.boolean(),
    /** Why an incremental scan that was asked for read everything instead. */
    fullScanReason: z.string().optional(),
    baseSnapshotId: z.string().optional(),
    changes: z
      .object({
        changedAccounts: z.number().int().nonnegative(),
        changedGroups: z.number().int().nonnegative(),
        removed: z.number().int().nonnegative(),
        deletionCheck: z.enum(['tombstones', 'guid-list']),
      })
      .strict()
      .optional(),
  })
  .strict();

export const SnapshotSummarySchema = z
  .object({
    id: z.string(),
    sourceKind: z.enum(['ldap', 'ldif', 'demo']),
    dcHost: z.string().nullable(),
    baseDn: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    accountCount: z.number().int().nonnegative(),
    groupCount: z.number().int().nonnegative(),
    /** The connection profile the scan was made with; null for LDIF, demo and command-line scans. */
    profileId: z.string().nullable(),
    kind: z.enum(['full', 'incremental']),
  })
  .strict();

export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;
