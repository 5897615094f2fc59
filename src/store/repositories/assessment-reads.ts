import type { Kysely } from 'kysely';
import type { AccountOutcome } from '../../hr/outcomes';
import { StoreError } from '../errors';
import type { WardenDatabase } from '../schema';

/** What the classification and risk stage reads of one account of a snapshot. */
export interface AssessmentAccount {
  objectGuid: string;
  sid: string | null;
  samAccountName: string;
  upn: string | null;
  displayName: string | null;
  givenName: string | null;
  sn: string | null;
  mail: string | null;
  employeeId: string | null;
  title: string | null;
  department: string | null;
  description: string | null;
  info: string | null;
  dn: string;
  ou: string | null;
  objectClasses: string[];
  userAccountControl: number | null;
  whenCreated: string | null;
  lastLogonTimestamp: string | null;
  pwdLastSet: string | null;
  accountExpires: string | null;
  spns: string[];
  primaryGroupId: number | null;
  adminCount: number | null;
  supportedEncryptionTypes: number | null;
  allowedToDelegateTo: string[];
  managerDn: string | null;
  managedBy: string | null;
  /** Reconciliation's outcome, when the snapshot has been reconciled with an HR list. */
  hrOutcome: AccountOutcome | null;
}

export interface AssessmentGroup {
  guid: string;
  dn: string;
  sid: string | null;
  samAccountName: string | null;
}

/** One `member` value resolved to an object of the snapshot, or a primary-group membership (direct false). */
export interface AssessmentEdge {
  groupGuid: string;
  memberGuid: string;
}

export interface AssessmentPath {
  accountGuid: string;
  groupGuid: string;
  path: string[];
}

/** What decides an account's usage, as one snapshot recorded it. */
export type UsageFacts = Pick<
  AssessmentAccount,
  'userAccountControl' | 'whenCreated' | 'lastLogonTimestamp' | 'pwdLastSet' | 'accountExpires'
> & { snapshotId: string };

export interface AssessmentReadsRepository {
  accounts(snapshotId: string): Promise<AssessmentAccount[]>;
  /** One account's usage facts in each of these snapshots that holds it. */
  usageFacts(objectGuid: string, snapshotIds: readonly string[]): Promise<UsageFacts[]>;
  groups(snapshotId: string): Promise<AssessmentGroup[]>;
  /** Every membership whose member is an account or a group of the snapshot. */
  edges(snapshotId: string): Promise<AssessmentEdge[]>;
  /** The stored effective memberships (those of privileged groups) with their paths. */
  paths(snapshotId: string): Promise<AssessmentPath[]>;
}

function damaged(what: string, guid: string, error?: unknown): StoreError {
  return new StoreError(
    'INVALID_DATA',
    `The stored ${what} of ${guid} is damaged; scan the domain again to replace the snapshot.`,
    { objectGuid: guid, column: what },
    error === undefined ? undefined : { cause: error },
  );
}

function stringArray(text: string, what: string, guid: string): string[] {
  if (text === '[]') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw damaged(what, guid, error);
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw damaged(what, guid);
  return value;
}

/** Reads for the classification and risk stage: whole snapshots, in the shapes that stage works on. */
export function assessmentReadsRepository(db: Kysely<WardenDatabase>): AssessmentReadsRepository {
  return {
    async accounts(snapshotId) {
      const rows = await db
        .selectFrom('accounts')
        .leftJoin('hr_outcomes as o', (join) =>
          join.onRef('o.snapshot_id', '=', 'accounts.snapshot_id').onRef('o.object_guid', '=', 'accounts.object_guid'),
        )
        .select([
          'accounts.object_guid',
          'sid',
          'sam_account_name',
          'upn',
          'display_name',
          'given_name',
          'sn',
          'mail',
          'employee_id',
          'title',
          'department',
          'description',
          'info',
          'dn',
          'ou',
          'object_classes',
          'user_account_control',
          'when_created',
          'last_logon_timestamp',
          'pwd_last_set',
          'account_expires',
          'spns',
          'primary_group_id',
          'admin_count',
          'supported_enc_types',
          'allowed_to_delegate_to',
          'manager_dn',
          'managed_by',
          'o.outcome as hr_outcome',
        ])
        .where('accounts.snapshot_id', '=', snapshotId)
        .orderBy('accounts.object_guid')
        .execute();
      return rows.map((row) => ({
        objectGuid: row.object_guid,
        sid: row.sid,
        samAccountName: row.sam_account_name,
        upn: row.upn,
        displayName: row.display_name,
        givenName: row.given_name,
        sn: row.sn,
        mail: row.mail,
        employeeId: row.employee_id,
        title: row.title,
        department: row.department,
        description: row.description,
        info: row.info,
        dn: row.dn,
        ou: row.ou,
        objectClasses: stringArray(row.object_classes, 'objectClass', row.object_guid),
        userAccountControl: row.user_account_control,
        whenCreated: row.when_created,
        lastLogonTimestamp: row.last_logon_timestamp,
        pwdLastSet: row.pwd_last_set,
        accountExpires: row.account_expires,
        spns: stringArray(row.spns, 'servicePrincipalName', row.object_guid),
        primaryGroupId: row.primary_group_id,
        adminCount: row.admin_count,
        supportedEncryptionTypes: row.supported_enc_types,
        allowedToDelegateTo: stringArray(row.allowed_to_delegate_to, 'msDS-AllowedToDelegateTo', row.object_guid),
        managerDn: row.manager_dn,
        managedBy: row.managed_by,
        hrOutcome: row.hr_outcome as AccountOutcome | null,
      }));
    },

    async usageFacts(objectGuid, snapshotIds) {
      if (snapshotIds.length === 0) return [];
      return db
        .selectFrom('accounts')
        .select([
          'snapshot_id as snapshotId',
          'user_account_control as userAccountControl',
          'when_created as whenCreated',
          'last_logon_timestamp as lastLogonTimestamp',
          'pwd_last_set as pwdLastSet',
          'account_expires as accountExpires',
        ])
        .where('snapshot_id', 'in', snapshotIds)
        .where('object_guid', '=', objectGuid)
        .execute();
    },

    async groups(snapshotId) {
      return db
        .selectFrom('groups')
        .select(['object_guid as guid', 'dn', 'sid', 'sam_account_name as samAccountName'])
        .where('snapshot_id', '=', snapshotId)
        .execute();
    },

    async edges(snapshotId) {
      const rows = await db
        .selectFrom('memberships')
        .select(['group_guid', 'member_guid'])
        .where('snapshot_id', '=', snapshotId)
        .where('member_guid', 'is not', null)
        .execute();
      return rows.map((row) => ({ groupGuid: row.group_guid, memberGuid: row.member_guid ?? '' }));
    },

    async paths(snapshotId) {
      const rows = await db
        .selectFrom('effective_memberships')
        .select(['account_guid', 'group_guid', 'path'])
        .where('snapshot_id', '=', snapshotId)
        .execute();
      return rows.map((row) => ({
        accountGuid: row.account_guid,
        groupGuid: row.group_guid,
        path: stringArray(row.path, 'membership path', row.account_guid),
      }));
    },
  };
}
