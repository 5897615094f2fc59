import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The shape of the latest schema, as Kysely sees it. Migrations describe how a
 * file gets there; this module describes what queries may rely on once it has.
 *
 * Conventions of the stored values:
 * - timestamps are ISO-8601 UTC strings (they sort and compare as text);
 * - booleans are 0/1 integers (SQLite has no boolean type);
 * - columns named as JSON hold JSON text, checked with json_valid();
 * - GUIDs are lower-case canonical strings, SIDs are S-1-5-… strings;
 * - DNs and account names compare case-insensitively, as Active Directory does.
 */

/** 0 or 1. */
export type Flag = 0 | 1;

/** JSON text. The repositories parse it; queries may use SQLite's json functions on it. */
export type JsonText = string;

export interface ConnectionProfilesTable {
  id: string;
  name: string;
  domain: string;
  host: string;
  port: number | null;
  transport: 'ldaps' | 'starttls' | 'ldap';
  allow_plain_ldap: Flag;
  ca_pem: string | null;
  server_name: string | null;
  bind_name: string;
  base_dn: string | null;
  created_at: string;
  updated_at: string;
}

/** A profile's bind password, present only when the user chose to save it (see migration 004). */
export interface ProfileSavedPasswordsTable {
  profile_id: string;
  /** The host and bind name the password was saved for: it is never handed out for others. */
  host: string;
  bind_name: string;
  password: string;
  saved_at: string;
}

export type SnapshotSourceKind = 'ldap' | 'ldif' | 'demo';
export type SnapshotStatus = 'running' | 'complete' | 'failed' | 'cancelled';

export interface SnapshotsTable {
  id: string;
  /** Null for LDIF and demo snapshots, and once the profile they came from is deleted. */
  profile_id: string | null;
  source_kind: SnapshotSourceKind;
  dc_host: string | null;
  /** The DC's invocationId: together with highest_committed_usn it anchors an incremental rescan. */
  invocation_id: string | null;
  started_at: string;
  finished_at: string | null;
  status: SnapshotStatus;
  error: string | null;
  account_count: Generated<number>;
  group_count: Generated<number>;
  highest_committed_usn: number | null;
  base_dn: string | null;
  kind: Generated<SnapshotKind>;
  /** The snapshot an incremental one applied its changes to. */
  base_snapshot_id: string | null;
  /** The account the scan bound as; null for LDIF and demo snapshots. */
  bind_name: string | null;
  /** The process writing a running snapshot, so that one whose process is gone can be ended. */
  writer_pid: number | null;
  writer_host: string | null;
  /**
   * The full snapshot whose rows this one shares (itself for a full one), and
   * its place in that lineage: it sees the row versions whose
   * [first_seq, last_seq] holds `seq`.
   */
  lineage_id: string | null;
  seq: Generated<number>;
}

export type SnapshotKind = 'full' | 'incremental';

export interface AccountsTable {
  snapshot_id: string;
  object_guid: string;
  sid: string | null;
  sam_account_name: string;
  upn: string | null;
  display_name: string | null;
  given_name: string | null;
  sn: string | null;
  mail: string | null;
  employee_id: string | null;
  employee_number: string | null;
  department: string | null;
  title: string | null;
  manager_dn: string | null;
  description: string | null;
  dn: string;
  /** DN of the container or OU that holds the account. */
  ou: string | null;
  /** JSON array of objectClass values. */
  object_classes: JsonText;
  user_account_control: number | null;
  when_created: string | null;
  when_changed: string | null;
  last_logon_timestamp: string | null;
  pwd_last_set: string | null;
  /** Null when the account never expires. */
  account_expires: string | null;
  /** JSON array of servicePrincipalName values. */
  spns: ColumnType<JsonText, JsonText | undefined, JsonText>;
  primary_group_id: number | null;
  admin_count: number | null;
  supported_enc_types: number | null;
  /** JSON array of msDS-AllowedToDelegateTo values. */
  allowed_to_delegate_to: ColumnType<JsonText, JsonText | undefined, JsonText>;
  user_workstations: string | null;
  usn_changed: number | null;
  /** The "Notes" field (attribute `info`). */
  info: string | null;
  /** JSON array of proxyAddresses values ("SMTP:primary@…", "smtp:alias@…"). */
  proxy_addresses: ColumnType<JsonText, JsonText | undefined, JsonText>;
  /** DN in `managedBy`: where the owner of a gMSA, sMSA or dMSA is usually recorded. */
  managed_by: string | null;
}

export interface GroupsTable {
  snapshot_id: string;
  object_guid: string;
  sid: string | null;
  sam_account_name: string | null;
  dn: string;
  description: string | null;
  group_type: number | null;
  admin_count: number | null;
  managed_by: string | null;
  usn_changed: number | null;
}

export interface MembershipsTable {
  snapshot_id: string;
  group_guid: string;
  /** Always known: it is what the group's member attribute lists. */
  member_dn: string;
  /** Null when the member is outside the snapshot (another domain, a foreign security principal). */
  member_guid: string | null;
  /** 1 when listed in the group's member attribute; 0 when implied by the member's primaryGroupID. */
  direct: Generated<Flag>;
}

/**
 * The columns that place a row version in its lineage (see migration 012):
 * the snapshots of `lineage_id` whose seq lies in [first_seq, last_seq] see it.
 */
export interface RowVersion {
  lineage_id: string;
  first_seq: number;
  /** OPEN_SEQ (row-versions.ts) while the version is current. */
  last_seq: number;
}

/** What `accounts`, `groups` and `memberships` (views: one row per snapshot that sees a version) are made of. */
export type AccountVersionsTable = Omit<AccountsTable, 'snapshot_id'> & RowVersion;
export type GroupVersionsTable = Omit<GroupsTable, 'snapshot_id'> & RowVersion;
export type MembershipVersionsTable = Omit<MembershipsTable, 'snapshot_id'> & RowVersion;

export interface EffectiveMembershipsTable {
  snapshot_id: string;
  account_guid: string;
  group_guid: string;
  /** JSON array of group GUIDs from the group the account is a direct member of up to group_guid. */
  path: JsonText;
}

export interface HrImportsTable {
  id: string;
  file_name: string;
  imported_at: string;
  row_count: number;
  /** JSON: which column of the file feeds which field. */
  mapping: JsonText;
  /** At most one import is current: the one reconciliation uses. */
  is_current: Generated<Flag>;
  /** Data rows in the file, invalid ones included; null for imports made before schema 3. */
  file_rows: number | null;
}

export interface HrRecordsTable {
  import_id: string;
  /** Row number in the imported file, so a finding can point at the line to fix. */
  row_number: number;
  employee_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  display_name: string | null;
  username: string | null;
  /** Normalized: see HrStatus in repositories/hr.ts. */
  status: string | null;
  /** The status as the file wrote it. */
  raw_status: string | null;
  /** ISO date (YYYY-MM-DD). */
  end_date: string | null;
  department: string | null;
  manager_email: string | null;
}

/** The column mapping last used for a source file name (compared case-insensitively). */
export interface HrMappingsTable {
  file_name: string;
  /** JSON: the mapping, as HrMapping in repositories/hr.ts. */
  mapping: JsonText;
  saved_at: string;
}

/** Each account's outcome in the latest reconciliation of its snapshot. */
export interface HrOutcomesTable {
  snapshot_id: string;
  object_guid: string;
  /** An AccountOutcome (src/hr/outcomes.ts). */
  outcome: string;
}

/** The headline figures of the latest reconciliation of each snapshot. */
export interface HrReconciliationsTable {
  snapshot_id: string;
  /** The HR import reconciled against; it may since have been replaced or deleted. */
  hr_import_id: string;
  reconciled_at: string;
  /** JSON: HeadlineFigures (src/hr/figures.ts). */
  figures: JsonText;
}

export interface DecisionsTable {
  id: string;
  /** What the decision is about, e.g. 'account' or 'group'. */
  subject_kind: string;
  /** Stable key of the subject within its kind, e.g. an objectGUID. */
  subject_key: string;
  /** What is decided, e.g. 'owner', 'type', 'exclude'. */
  kind: string;
  /** JSON value of the decision; null to withdraw an earlier one. */
  value: JsonText | null;
  reason: string;
  actor: string;
  created_at: string;
}

export interface RiskSummariesTable {
  snapshot_id: string;
  assessed_at: string;
  /** SHA-256 of the policy the figures were scored with. */
  policy_hash: string;
  /** JSON: RiskSummary (src/risk/summary.ts). */
  figures: JsonText;
}

export interface SettingsTable {
  key: string;
  value: JsonText;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  reason: string | null;
  before: JsonText | null;
  after: JsonText | null;
  result: string;
  prev_hash: string;
  hash: string;
}

export interface WardenDatabase {
  connection_profiles: ConnectionProfilesTable;
  profile_saved_passwords: ProfileSavedPasswordsTable;
  snapshots: SnapshotsTable;
  /** Views (read only): the row versions each snapshot sees, under its snapshot_id. */
  accounts: AccountsTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  account_versions: AccountVersionsTable;
  group_versions: GroupVersionsTable;
  membership_versions: MembershipVersionsTable;
  effective_memberships: EffectiveMembershipsTable;
  hr_imports: HrImportsTable;
  hr_records: HrRecordsTable;
  hr_mappings: HrMappingsTable;
  hr_reconciliations: HrReconciliationsTable;
  hr_outcomes: HrOutcomesTable;
  decisions: DecisionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  risk_summaries: RiskSummariesTable;
}

export type ConnectionProfileRow = Selectable<ConnectionProfilesTable>;
export type NewConnectionProfileRow = Insertable<ConnectionProfilesTable>;
export type ConnectionProfileUpdate = Updateable<ConnectionProfilesTable>;
export type SnapshotRow = Selectable<SnapshotsTable>;
export type NewSnapshotRow = Insertable<SnapshotsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountVersionsTable>;
export type GroupRow = Selectable<GroupsTable>;
export type NewGroupRow = Insertable<GroupVersionsTable>;
export type NewMembershipRow = Insertable<MembershipVersionsTable>;
export type NewEffectiveMembershipRow = Insertable<EffectiveMembershipsTable>;
export type HrImportRow = Selectable<HrImportsTable>;
export type HrRecordRow = Selectable<HrRecordsTable>;
export type NewHrRecordRow = Insertable<HrRecordsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
