/**
 * The inventory: snapshots of a domain's accounts, groups and memberships,
 * from LDAP or any other source of directory entries.
 */
export { scanDirectory, type ScanDirectoryOptions, type ScanSummary } from './scan';
export { ingestSnapshot, type IngestOptions, type IngestResult } from './ingest';
export { accountRecord, type AccountRecord } from './account-record';
export { groupRecord, membershipRows, type GroupRecord } from './group-record';
export { entryKind, type AccountKind, type EntryKind } from './entry-kind';
export { parentDn } from './entry-fields';
export { ScanError, isCancellation, type ScanErrorCode } from './errors';
export type { ScanPhase, ScanProgress, ScanProgressListener } from './progress';
export { importLdif, DEMO_LDIF_FILE, type ImportLdifOptions } from './import-ldif';
