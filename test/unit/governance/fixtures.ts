import type { AccountState } from '../../../src/governance';

export const DOMAIN_SID = 'S-1-5-21-1004336348-1177238915-682003330';
export const OU = 'OU=Service Accounts,OU=Corp,DC=corp,DC=example,DC=test';
export const QUARANTINE = 'OU=Quarantine,OU=Corp,DC=corp,DC=example,DC=test';
export const DOMAIN_USERS = 'CN=Domain Users,CN=Users,DC=corp,DC=example,DC=test';
export const GROUP_A = 'CN=App-Readers,OU=Groups,OU=Corp,DC=corp,DC=example,DC=test';
export const GROUP_B = 'CN=App-Writers,OU=Groups,OU=Corp,DC=corp,DC=example,DC=test';

/** An ordinary enabled service account, in two groups; override what a test is about. */
export function accountState(overrides: Partial<AccountState> = {}): AccountState {
  const sam = overrides.samAccountName ?? 'svc-batch';
  return {
    objectGuid: '6f1f3f4e-2c1a-4d7b-9a55-0d6b7f1c2e11',
    dn: `CN=${sam},${OU}`,
    samAccountName: sam,
    userPrincipalName: `${sam}@corp.example.test`,
    sid: `${DOMAIN_SID}-1105`,
    userAccountControl: 512,
    enabled: true,
    primaryGroupId: 513,
    primaryGroupDn: DOMAIN_USERS,
    groups: [GROUP_A, GROUP_B],
    ou: OU,
    description: 'Nightly batch',
    info: null,
    ...overrides,
  };
}
