/**
 * The encrypted local store: the only part of Warden that speaks SQL.
 * store.ts explains where the keys live and why; passphrase-kdf.ts how a
 * passphrase becomes a key without any file beside the database.
 */
export { openStore, DEFAULT_BUSY_TIMEOUT_MS, type OpenStoreOptions, type Store } from './store';
export { rekeyStore } from './rekey';
export {
  generateDataKey,
  DATA_KEY_BYTES,
  type PassphraseStoreKey,
  type RawStoreKey,
  type StoreKey,
  type StoreKeyInfo,
} from './keys';
export { DEFAULT_SCRYPT, type ScryptParams } from './passphrase-kdf';
export { StoreError, isStoreError, type StoreErrorCode } from './errors';
export { LATEST_SCHEMA_VERSION, WARDEN_APPLICATION_ID } from './migrations';
export { OPEN_SEQ } from './repositories/row-versions';
export type { Clock } from './clock';
export type * from './schema';
export type { ProfilesRepository, ProfileSaveInput } from './repositories/profiles';
export { DEFAULT_SETTINGS, type SettingsRepository } from './repositories/settings';
export {
  AUDIT_GENESIS_HASH,
  type AuditChainCheck,
  type AuditEntry,
  type AuditEntryInput,
  type AuditRepository,
} from './repositories/audit';
export type {
  Snapshot,
  SnapshotAccount,
  SnapshotBeginInput,
  SnapshotCounts,
  SnapshotGraphAccount,
  SnapshotGraphEdge,
  SnapshotGraphGroup,
  SnapshotGroup,
  SnapshotMembership,
  SnapshotsRepository,
} from './repositories/snapshots';
export type {
  HrImport,
  HrMapping,
  HrRecord,
  HrRecordInput,
  HrReplaceInput,
  HrRepository,
  HrStatus,
} from './repositories/hr';
export type {
  AccountMetadata,
  AccountMetadataRepository,
  MetadataChange,
  MetadataFact,
  MetadataInput,
  MetadataKind,
} from './repositories/account-metadata';
export { METADATA_KINDS } from './repositories/account-metadata';
export type {
  AssessmentAccount,
  AssessmentEdge,
  AssessmentGroup,
  AssessmentPath,
  AssessmentReadsRepository,
  UsageFacts,
} from './repositories/assessment-reads';
export type { PolicyRepository, SavedPolicy } from './repositories/policy';
export type { RiskSummariesRepository, RiskSummaryRecord } from './repositories/risk-summaries';
export type { SavedViewRecord, ViewSaveInput, ViewsRepository } from './repositories/views';
