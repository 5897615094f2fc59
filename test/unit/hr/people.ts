import type { AccountForMatching, HrPerson } from '../../../src/hr/match-input';
import { UAC_FLAGS } from '../../../src/directory/uac-flags';

/** Small hand-made accounts and HR rows for the matching tests. */
let nextGuid = 1;

export function account(fields: Partial<AccountForMatching> & { samAccountName: string }): AccountForMatching {
  const guid = `00000000-0000-4000-8000-${String(nextGuid++).padStart(12, '0')}`;
  return {
    objectGuid: guid,
    upn: null,
    mail: null,
    proxyAddresses: [],
    employeeId: null,
    employeeNumber: null,
    givenName: null,
    sn: null,
    displayName: null,
    dn: `CN=${fields.samAccountName},OU=People,DC=corp,DC=example,DC=test`,
    managerDn: null,
    userAccountControl: UAC_FLAGS.NORMAL_ACCOUNT,
    ...fields,
  };
}

export const DISABLED = UAC_FLAGS.NORMAL_ACCOUNT | UAC_FLAGS.ACCOUNTDISABLE;

let nextRow = 2;

export function person(fields: Partial<HrPerson> = {}): HrPerson {
  return {
    rowNumber: nextRow++,
    employeeId: null,
    email: null,
    firstName: null,
    lastName: null,
    displayName: null,
    username: null,
    status: 'active',
    rawStatus: 'Active',
    endDate: null,
    department: null,
    managerEmail: null,
    ...fields,
  };
}

export const NOW = new Date('2025-06-15T10:00:00Z');
