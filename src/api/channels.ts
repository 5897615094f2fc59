/**
 * Operation names and IPC channels, with no dependencies, so the sandboxed
 * preload can import them without bundling the schemas. contract.ts checks
 * that its operations are exactly these.
 */
export const operationNames = [
  'getAppInfo',
  'unlockStore',
  'getSettings',
  'updateSettings',
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'testConnection',
  'discoverDomainControllers',
  'getLatestSnapshot',
  'scanProfile',
  'openDemo',
  'leaveDemo',
  'previewHrFile',
  'importHrFile',
  'getReconciliation',
  'recordMatchDecision',
  'getRiskOverview',
  'listAssessedAccounts',
  'getInventoryFacets',
  'exportAccountsCsv',
  'listViews',
  'saveView',
  'deleteView',
  'getAccountAssessment',
  'getPolicy',
  'savePolicy',
  'resetPolicy',
  'setAccountMetadata',
  'queryExactLastLogon',
  'planContainment',
  'containAccounts',
  'restoreAccounts',
  'listAuditLog',
  'verifyAuditLog',
  'cancelTask',
] as const;

export type OperationName = (typeof operationNames)[number];

export const channelFor = (name: OperationName): string => `warden:${name}`;
export const PROGRESS_CHANNEL = 'warden:progress';
