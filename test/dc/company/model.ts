import type { AttributeValue } from './ldif';

export type AccountKind =
  'person' | 'contractor' | 'admin' | 'service' | 'bot' | 'ai-agent' | 'gmsa' | 'smsa' | 'helpdesk' | 'operator';

export type AccountObjectClass = 'user' | 'msDS-GroupManagedServiceAccount' | 'msDS-ManagedServiceAccount';

export type HrStatus = 'Active' | 'Terminated' | 'On Leave';

/** One row of the HR export, as an HR system would write it. */
export interface HrRow {
  employeeId: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  department: string;
  jobTitle: string;
  status: HrStatus;
  hireDate: string;
  terminationDate: string;
  managerEmail: string;
}

export interface Account {
  kind: AccountKind;
  dn: string;
  cn: string;
  sam: string;
  objectClass: AccountObjectClass;
  uac: number;
  /** Everything else written for the object; undefined values are left out. */
  attributes: [string, AttributeValue | undefined][];
  /** Absent: never logged on. */
  lastLogon: Date | undefined;
  accountExpires: Date | undefined;
  password?: string;
  /** DN written to `manager`: the owner of a non-human account, the line manager of a person. */
  managerDn?: string;
  /** DN written to `managedBy`: the owner of a gMSA or sMSA, as the admin tools record it. */
  managedByDn?: string;
  /** True when the HR file says the owner or the person has left. */
  leaver?: boolean;
  /** Agents whose name gives nothing away. */
  unhinted?: boolean;
  adminCount?: boolean;
}

export type GroupScope = 'global' | 'domainLocal' | 'universal';

export interface Group {
  dn: string;
  cn: string;
  description: string;
  scope: GroupScope;
  members: string[];
}

/** Members added to groups provision created. */
export interface BuiltinMembership {
  groupDn: string;
  members: string[];
}

export type NotableRole =
  | 'nestedAdminServiceAccount'
  | 'appAdminsGroup'
  | 'tier0AdminsGroup'
  | 'domainAdminsGroup'
  | 'bigGroup'
  | 'gmsa'
  | 'gmsaOwner'
  | 'smsa'
  | 'unhintedAiAgent'
  | 'leaver'
  | 'leaverAdminAccount'
  | 'leaverOwnedServiceAccount'
  | 'leaverOwnedBot'
  | 'helpdeskAccount'
  | 'operatorAccount'
  | 'bindServiceAccount'
  | 'bindBot'
  | 'specialCharacterAccount'
  | 'specialCharacterDecoy'
  | 'commaInNamePerson'
  | 'backupOperatorMember'
  | 'accountOperatorMember'
  | 'serverOperatorMember'
  | 'asRepRoastable'
  | 'unconstrainedDelegation'
  | 'staleAdminCount'
  | 'expiredContractor';

export interface Company {
  ous: string[];
  accounts: Account[];
  groups: Group[];
  builtinMemberships: BuiltinMembership[];
  hrRows: HrRow[];
  notable: Record<NotableRole, string>;
}
