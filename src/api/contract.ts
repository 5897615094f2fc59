import { z } from 'zod';
import { operationNames, type OperationName } from './channels';
import {
  BindPasswordSchema,
  ConnectionProfileSchema,
  ConnectionTargetSchema,
  PassphraseSchema,
  ScanProgressSchema,
  ScanSummarySchema,
  SnapshotSummarySchema,
  ProfileInputSchema,
  SerializedErrorSchema,
  SettingsSchema,
  StoreStatusSchema,
  TaskIdSchema,
} from './schemas';
import {
  HrFilePreviewSchema,
  HrImportResultSchema,
  ImportHrFileInputSchema,
  PreviewHrFileInputSchema,
} from './hr-schemas';
import {
  GetReconciliationInputSchema,
  MatchDecisionInputSchema,
  MatchDecisionRecordedSchema,
  ReconciliationSchema,
} from './reconciliation-schemas';
import {
  AccountDetailSchema,
  GetAccountAssessmentInputSchema,
  GetRiskOverviewInputSchema,
  PoliciesSchema,
  PolicyInForceSchema,
  RiskOverviewSchema,
  SavePolicyInputSchema,
  SetAccountMetadataInputSchema,
} from './risk-schemas';
import {
  AccountsExportSchema,
  ExportAccountsInputSchema,
  InventoryFacetsInputSchema,
  InventoryFacetsSchema,
  InventoryPageSchema,
  ListAccountsInputSchema,
  SavedViewSchema,
  SaveViewInputSchema,
} from './views-schemas';
import {
  ExactLastLogonReportSchema,
  LastLogonProgressSchema,
  QueryExactLastLogonInputSchema,
} from './last-logon-schemas';
import {
  AccountProgressSchema,
  AuditLogPageSchema,
  AuditVerificationSchema,
  ContainAccountsInputSchema,
  ContainmentPlanSchema,
  ContainmentReportSchema,
  ListAuditLogInputSchema,
  PlanContainmentInputSchema,
  RestoreAccountsInputSchema,
  RestoreReportSchema,
} from './kill-switch-schemas';

/**
 * The one list of everything the renderer may ask of the core. Electron's IPC
 * handlers, the preload bridge, the browser test harness and the typed client
 * are all derived from it, so an operation exists everywhere or nowhere.
 */
interface OperationSpec<I extends z.ZodType, O extends z.ZodType, P extends z.ZodType | undefined> {
  description: string;
  input: I;
  output: O;
  /** Present for long-running operations that report progress and can be cancelled. */
  progress: P;
}

function operation<I extends z.ZodType, O extends z.ZodType, P extends z.ZodType | undefined = undefined>(spec: {
  description: string;
  input: I;
  output: O;
  progress?: P;
}): OperationSpec<I, O, P> {
  return { ...spec, progress: spec.progress as P };
}

const Empty = z.object({}).strict();

export const ConnectionPhaseSchema = z.enum(['connecting', 'binding', 'reading-rootdse', 'counting']);

export const TestConnectionProgressSchema = z
  .object({
    phase: ConnectionPhaseSchema,
    accountsCounted: z.number().int().nonnegative(),
  })
  .strict();

export const ConnectionReportSchema = z
  .object({
    url: z.string(),
    transport: z.enum(['ldaps', 'starttls', 'ldap']),
    certificateVerified: z.boolean(),
    defaultNamingContext: z.string(),
    dnsHostName: z.string().nullable(),
    domainFunctionality: z.number().int().nullable(),
    highestCommittedUSN: z.string().nullable(),
    boundAs: z.string(),
    accountCount: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
  })
  .strict();

export const contract = {
  getAppInfo: operation({
    description: 'Version, platform and the state of the encrypted store.',
    input: Empty,
    output: z
      .object({
        name: z.string(),
        version: z.string(),
        platform: z.string(),
        isDemo: z.boolean(),
        store: StoreStatusSchema,
      })
      .strict(),
  }),
  unlockStore: operation({
    description: 'Open the store with a passphrase when the OS keystore cannot protect its key.',
    input: z.object({ passphrase: PassphraseSchema }).strict(),
    output: StoreStatusSchema,
  }),
  getSettings: operation({
    description: 'Read the user settings.',
    input: Empty,
    output: SettingsSchema,
  }),
  updateSettings: operation({
    description: 'Change some of the user settings.',
    input: SettingsSchema.partial().strict(),
    output: SettingsSchema,
  }),
  listProfiles: operation({
    description: 'Saved connection profiles, by name.',
    input: Empty,
    output: z.array(ConnectionProfileSchema),
  }),
  saveProfile: operation({
    description: 'Create a connection profile, or update it when an id is given.',
    input: ProfileInputSchema,
    output: ConnectionProfileSchema,
  }),
  deleteProfile: operation({
    description: 'Delete a connection profile.',
    input: z.object({ id: z.string().uuid() }).strict(),
    output: z.object({ deleted: z.boolean() }).strict(),
  }),
  testConnection: operation({
    description: 'Bind to a domain controller, read its rootDSE and count the accounts it holds.',
    input: z
      .object({
        taskId: TaskIdSchema.optional(),
        target: ConnectionTargetSchema.omit({ confirmPlainTextBind: true }),
        /** Absent: the password saved in `profileId`, if it was saved for this host and account. */
        password: BindPasswordSchema.optional(),
        profileId: z.string().uuid().optional(),
        /** Required for a plain LDAP bind, each time: the password crosses the network in clear text. */
        confirmPlainTextBind: z.boolean().default(false),
      })
      .strict(),
    output: ConnectionReportSchema,
    progress: TestConnectionProgressSchema,
  }),
  discoverDomainControllers: operation({
    description: "List the domain controllers a domain advertises in DNS (the DC locator's SRV record).",
    input: z.object({ domain: z.string().trim().min(1, 'domain is required').max(253) }).strict(),
    output: z.array(
      z
        .object({
          host: z.string(),
          port: z.number().int(),
          priority: z.number().int(),
          weight: z.number().int(),
        })
        .strict(),
    ),
  }),
  getLatestSnapshot: operation({
    description: 'The most recent complete snapshot of the open store, or null before the first scan.',
    input: Empty,
    output: SnapshotSummarySchema.nullable(),
  }),
  scanProfile: operation({
    description: 'Scan the domain of a saved connection profile into a new snapshot.',
    input: z
      .object({
        taskId: TaskIdSchema.optional(),
        profileId: z.string().uuid(),
        /** Absent: the password saved in the profile. */
        password: BindPasswordSchema.optional(),
        /** Required when the profile uses plain LDAP, each time: the password crosses the network in clear text. */
        confirmPlainTextBind: z.boolean().default(false),
        /** Only the changes since the profile's last complete snapshot, when it allows (else a full scan, with the reason). */
        incremental: z.boolean().default(false),
      })
      .strict(),
    output: ScanSummarySchema,
    progress: ScanProgressSchema,
  }),
  openDemo: operation({
    description: 'Load the bundled demo company into a store of its own and switch the app to it.',
    input: z.object({ taskId: TaskIdSchema.optional() }).strict(),
    output: ScanSummarySchema,
    progress: ScanProgressSchema,
  }),
  leaveDemo: operation({
    description: "Discard the demo store and return to the user's own store.",
    input: Empty,
    output: z.object({ isDemo: z.literal(false) }).strict(),
  }),
  previewHrFile: operation({
    description:
      'Read the headers and first rows of an HR employee list (CSV or XLSX, sent as bytes) with the detected, saved and effective column mapping, without importing it.',
    input: PreviewHrFileInputSchema,
    output: HrFilePreviewSchema,
  }),
  importHrFile: operation({
    description:
      'Import an HR employee list (sent as bytes, at most 64 MB) as the current HR list; invalid rows are listed and skipped.',
    input: ImportHrFileInputSchema,
    output: HrImportResultSchema,
  }),
  getReconciliation: operation({
    description:
      'Reconcile a snapshot with the current HR list: outcome buckets, one page of account outcomes, employees without an account, headline figures and their history.',
    input: GetReconciliationInputSchema,
    output: ReconciliationSchema,
  }),
  recordMatchDecision: operation({
    description: 'Confirm or reject a match, or mark an account human or NHI, with a reason for the audit log.',
    input: MatchDecisionInputSchema,
    output: MatchDecisionRecordedSchema,
  }),
  getRiskOverview: operation({
    description:
      "A snapshot's risk figures (tiers, types, usage, dormancy, owner coverage, accounts against employees), its anomalies, the policy's origin and the trend across snapshots.",
    input: GetRiskOverviewInputSchema,
    output: RiskOverviewSchema,
  }),
  listAssessedAccounts: operation({
    description:
      "One page (or window) of a snapshot's classified and scored accounts, filtered (criteria, OU, group and/or a filter expression) and sorted.",
    input: ListAccountsInputSchema,
    output: InventoryPageSchema,
  }),
  getInventoryFacets: operation({
    description:
      "The OUs and groups of a snapshot's accounts, with how many accounts each holds, for the Inventory's filters.",
    input: InventoryFacetsInputSchema,
    output: InventoryFacetsSchema,
  }),
  exportAccountsCsv: operation({
    description:
      'The accounts an Inventory view shows (criteria, order, columns) as a CSV file for Excel: UTF-8 with a byte-order mark, formula-safe.',
    input: ExportAccountsInputSchema,
    output: AccountsExportSchema,
  }),
  listViews: operation({
    description: "The Inventory's saved views, by name.",
    input: Empty,
    output: z.array(SavedViewSchema),
  }),
  saveView: operation({
    description: 'Save an Inventory view (criteria, order, columns) under a name; the same name replaces it.',
    input: SaveViewInputSchema,
    output: SavedViewSchema,
  }),
  deleteView: operation({
    description: 'Delete a saved Inventory view.',
    input: z.object({ id: z.string().uuid() }).strict(),
    output: z.object({ deleted: z.boolean() }).strict(),
  }),
  getAccountAssessment: operation({
    description:
      "One account's whole assessment: type and its signals, owner, usage, HR outcome, risk factors, findings with evidence, privileged paths, and what was set by hand.",
    input: GetAccountAssessmentInputSchema,
    output: AccountDetailSchema,
  }),
  getPolicy: operation({
    description: 'The risk policy in force, with where it comes from, and the bundled defaults.',
    input: Empty,
    output: PoliciesSchema,
  }),
  savePolicy: operation({
    description: 'Validate and save a risk policy over the defaults; it applies at once, without a rescan.',
    input: SavePolicyInputSchema,
    output: PolicyInForceSchema,
  }),
  resetPolicy: operation({
    description: 'Go back to the bundled risk policy.',
    input: Empty,
    output: PolicyInForceSchema,
  }),
  setAccountMetadata: operation({
    description:
      "Set (or withdraw, with null) an account's type, owner or tags in Warden, with a reason for the audit log; answers the account's new assessment.",
    input: SetAccountMetadataInputSchema,
    output: AccountDetailSchema,
  }),
  queryExactLastLogon: operation({
    description:
      "Ask every domain controller of a saved profile's domain for the exact lastLogon of accounts of a snapshot, and redo their usage verdict with it; a DC that gives no answer is reported with the reason.",
    input: QueryExactLastLogonInputSchema,
    output: ExactLastLogonReportSchema,
    progress: LastLogonProgressSchema,
  }),
  planContainment: operation({
    description:
      'Kill switch, dry run: bind afresh and read each selected account of the latest snapshot from AD — its state, the guardrail that refuses it, each step or why it is a no-op — changing and recording nothing.',
    input: PlanContainmentInputSchema,
    output: ContainmentPlanSchema,
  }),
  containAccounts: operation({
    description:
      'Kill switch: contain accounts of the latest snapshot (disable, random password, leave groups, quarantine OU, stamp) with a fresh bind and a reason; more than one account needs confirmCount; each account is recorded in the audit log.',
    input: ContainAccountsInputSchema,
    output: ContainmentReportSchema,
    progress: AccountProgressSchema,
  }),
  restoreAccounts: operation({
    description:
      'Undo the kill switch: put accounts back as the audit log recorded them before their containment; an account changed since needs force.',
    input: RestoreAccountsInputSchema,
    output: RestoreReportSchema,
    progress: AccountProgressSchema,
  }),
  listAuditLog: operation({
    description: 'One page of the audit log, oldest first, filtered by action, target and time.',
    input: ListAuditLogInputSchema,
    output: AuditLogPageSchema,
  }),
  verifyAuditLog: operation({
    description: "Recompute the audit log's hash chain and name the first entry changed, removed or inserted.",
    input: Empty,
    output: AuditVerificationSchema,
  }),
  cancelTask: operation({
    description: 'Cancel a running long operation by the taskId it was started with.',
    input: z.object({ taskId: TaskIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }).strict(),
  }),
} satisfies Record<OperationName, OperationSpec<z.ZodType, z.ZodType, z.ZodType | undefined>>;

export type Contract = typeof contract;
export { operationNames, type OperationName };

export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Contract[N]['output']>;
export type ProgressOf<N extends OperationName> = Contract[N]['progress'] extends z.ZodType
  ? z.output<Contract[N]['progress']>
  : never;

/** Every reply crosses the boundary in this envelope, so errors keep their code and details. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof SerializedErrorSchema> };

export const ProgressEventSchema = z
  .object({
    taskId: TaskIdSchema,
    operation: z.enum(operationNames),
    progress: z.unknown(),
  })
  .strict();
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

/** What window.warden offers the renderer: one method per operation, plus progress events. */
export type WardenApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<Reply<OperationOutput<N>>>;
} & {
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
};

export { channelFor, PROGRESS_CHANNEL } from './channels';
