import { BASE_DN } from '../domain';

/** Where the fake company keeps its objects. */
export const CORP_OU = `OU=Corp,${BASE_DN}`;
export const PEOPLE_OU = `OU=People,${CORP_OU}`;
export const ADMIN_OU = `OU=Admin Accounts,${CORP_OU}`;
export const SERVICE_OU = `OU=Service Accounts,${CORP_OU}`;
export const BOTS_OU = `OU=Bots,${CORP_OU}`;
export const GROUPS_OU = `OU=Groups,${CORP_OU}`;
export const HELPDESK_OU = `OU=Helpdesk-Managed,${CORP_OU}`;
export const DISABLED_OU = `OU=Disabled,${CORP_OU}`;
export const IT_OU = `OU=IT Operations,${CORP_OU}`;
/** Provision creates this container; AD puts gMSAs and sMSAs there by default. */
export const MSA_CONTAINER = `CN=Managed Service Accounts,${BASE_DN}`;

export const BUILTIN_GROUPS = {
  domainAdmins: `CN=Domain Admins,CN=Users,${BASE_DN}`,
  accountOperators: `CN=Account Operators,CN=Builtin,${BASE_DN}`,
  backupOperators: `CN=Backup Operators,CN=Builtin,${BASE_DN}`,
  serverOperators: `CN=Server Operators,CN=Builtin,${BASE_DN}`,
} as const;

export function departmentOu(department: string): string {
  return `OU=${department},${PEOPLE_OU}`;
}
