import type { HrRecord } from './fields';

/**
 * What matching reads of one directory account: its identifiers, the
 * addresses it receives mail at, its names and whether it is disabled. The
 * store reads these columns of a snapshot; tests and benchmarks build them by hand.
 */
export interface AccountForMatching {
  objectGuid: string;
  samAccountName: string;
  upn: string | null;
  mail: string | null;
  /** proxyAddresses as AD stores them ("SMTP:primary@…", "smtp:alias@…", "X500:…"). */
  proxyAddresses: readonly string[];
  employeeId: string | null;
  employeeNumber: string | null;
  givenName: string | null;
  sn: string | null;
  displayName: string | null;
  dn: string;
  managerDn: string | null;
  userAccountControl: number | null;
}

/** One person of the HR list, as the import stores it. */
export type HrPerson = HrRecord;
