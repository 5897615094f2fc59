import type { HrRecordInput } from '../../../src/hr/fields';
import type { SnapshotAccount, Store } from '../../../src/store';
import type { AccountForMatching } from '../../../src/hr/match-input';

/** Writes a complete snapshot of these accounts, as a scan would. */
export async function writeSnapshot(store: Store, accounts: readonly AccountForMatching[]): Promise<string> {
  const id = await store.snapshots.begin({ sourceKind: 'ldif' });
  const rows: SnapshotAccount[] = accounts.map((account) => ({
    ...account,
    sid: null,
    managedBy: null,
    department: null,
    title: null,
    description: null,
    info: null,
    ou: null,
    objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
    whenCreated: null,
    whenChanged: null,
    lastLogonTimestamp: null,
    pwdLastSet: null,
    accountExpires: null,
    spns: [],
    primaryGroupId: null,
    adminCount: null,
    supportedEncryptionTypes: null,
    allowedToDelegateTo: [],
    userWorkstations: null,
    usnChanged: null,
  }));
  await store.snapshots.writeAccounts(id, rows);
  await store.snapshots.complete(id, { accounts: rows.length, groups: 0 });
  return id;
}

/** Makes these people the current HR list, through the import's own repository. */
export async function importPeople(
  store: Store,
  people: readonly HrRecordInput[],
  fileName = 'hr.csv',
): Promise<string> {
  const { importId } = await store.hr.replaceCurrent({ fileName, mapping: {}, rows: people });
  return importId;
}
