/**
 * The core's LDAP connection to Active Directory. Only this folder imports
 * ldapts; the rest of the core works with these functions and types.
 */
export { connect, close, whoAmI, type ConnectOptions, type DirectoryConnection } from './connection';
export { connectToTarget } from './connect-target';
export { readRootDse, type RootDse } from './root-dse';
export { searchPaged, DEFAULT_PAGE_SIZE, type DirectoryEntry, type PagedSearchOptions } from './search';
export { countAccounts, type CountOptions } from './count-accounts';
export { escapeFilter, ACCOUNT_FILTER } from './filters';
export { BINARY_ATTRIBUTES } from './binary-attributes';
export { firstString, allStrings } from './entry-values';
export { resolveEndpoint, DEFAULT_PORTS, type Endpoint } from './endpoint';
export {
  DirectoryError,
  isDirectoryError,
  type DirectoryErrorCode,
  type EndpointDetails,
  type Transport,
} from './errors';
export { AD_BIND_REASONS } from './ad-bind-codes';
export { testConnection, type ConnectionReport, type TestConnectionProgress } from './test-connection';
export { readLdifEntries, parseLdif, LdifError, isLdifError, type LdifErrorCode, type ReadLdifOptions } from './ldif';
export {
  enumerateAccounts,
  enumerateGroups,
  enumerateGroupsContaining,
  enumerateChangedEntries,
  enumerateDirectory,
  type ChangedEntries,
  type EnumerateOptions,
} from './enumerate';
export { canListTombstones, type Tombstone, type TombstoneOptions } from './tombstones';
export {
  ACCOUNT_ATTRIBUTES,
  GROUP_ATTRIBUTES,
  GROUP_FILTER,
  DELEGATED_MSA_FILTER,
  MEMBER_RANGE_SIZE,
} from './account-attributes';
export { completeRangedAttribute, findRangeKey, type RangeKey } from './ranged-members';
export { readInvocationId } from './invocation-id';
export { AttributeValueError } from './attribute-error';
export { decodeSid, ridOf, domainSidOf } from './decode-sid';
export { decodeGuid, encodeGuid } from './decode-guid';
export { fileTimeToIso, isoToFileTime, FILETIME_NEVER } from './filetime';
export { generalizedTimeToIso } from './generalized-time';
export { UAC_FLAGS, uacFlagNames, hasUacFlag, type UacFlag } from './uac-flags';
export { discoverDomainControllers, dcLocatorName, type DiscoveredDc, type DiscoveryOptions } from './discover-dcs';
export {
  readLastLogon,
  resolveDomainControllers,
  domainOfTarget,
  type AccountLastLogon,
  type DcLastLogon,
  type DcOutcome,
  type DomainControllerAddress,
  type LastLogonAccount,
  type LastLogonProgress,
  type LastLogonReport,
  type ReadLastLogonOptions,
} from './last-logon';
export { modifyEntry, moveEntry, renameEntry, type AttributeChange } from './directory-writes';
export { setAccountPassword, unicodePwdValue } from './change-password';
export { readObject, searchAll, guidDn, sidDn } from './read-objects';
export { splitDn, movedDn } from './dn-parts';
export {
  DirectoryWriteError,
  isDirectoryWriteError,
  toWriteError,
  type DirectoryWriteErrorCode,
  type WriteTarget,
} from './write-errors';
