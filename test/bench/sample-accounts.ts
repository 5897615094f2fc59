import { randomUUID } from 'node:crypto';
import { OPEN_SEQ, type NewAccountRow } from '../../src/store';

/**
 * A sample domain's accounts, shaped like a full snapshot's rows: every column
 * a scan fills is filled, with values of realistic length, so page counts (and
 * so the cost of encrypting them) match production. Names are svc-app000000
 * upwards and SIDs end in 10000 + the index, which account-queries.ts relies on.
 */
export function sampleAccount(snapshotId: string, index: number): NewAccountRow {
  const sam = `svc-app${index.toString().padStart(6, '0')}`;
  const dn = `CN=${sam},OU=Service Accounts,OU=Tier1,DC=corp,DC=example,DC=com`;
  return {
    lineage_id: snapshotId,
    first_seq: 1,
    last_seq: OPEN_SEQ,
    object_guid: randomUUID(),
    sid: `S-1-5-21-1004336348-1177238915-682003330-${10_000 + index}`,
    sam_account_name: sam,
    upn: `${sam}@corp.example.com`,
    display_name: `Application service ${index}`,
    given_name: null,
    sn: null,
    mail: index % 3 === 0 ? `${sam}@corp.example.com` : null,
    employee_id: null,
    employee_number: null,
    department: 'IT Operations',
    title: null,
    manager_dn: 'CN=Jane Doe,OU=Staff,DC=corp,DC=example,DC=com',
    description: `Runs the nightly batch for application ${index % 500}; owner: team ${index % 40}`,
    dn,
    ou: 'OU=Service Accounts,OU=Tier1,DC=corp,DC=example,DC=com',
    object_classes: '["top","person","organizationalPerson","user"]',
    user_account_control: 66048,
    when_created: '2019-03-04T10:11:12.000Z',
    when_changed: '2025-01-02T03:04:05.000Z',
    last_logon_timestamp: '2025-06-01T00:00:00.000Z',
    pwd_last_set: '2021-06-01T00:00:00.000Z',
    account_expires: null,
    spns: JSON.stringify([`HTTP/app${index}.corp.example.com`, `HTTP/app${index}`]),
    primary_group_id: 513,
    admin_count: index % 50 === 0 ? 1 : null,
    supported_enc_types: 24,
    allowed_to_delegate_to: '[]',
    user_workstations: null,
    usn_changed: 100_000 + index,
  };
}

export function sampleAccounts(snapshotId: string, count: number): NewAccountRow[] {
  return Array.from({ length: count }, (_, index) => sampleAccount(snapshotId, index));
}
