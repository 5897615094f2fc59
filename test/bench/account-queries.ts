import type { Kysely } from 'kysely';
import type { WardenDatabase } from '../../src/store';

/**
 * Lookups on one snapshot of the store's accounts, each served by one of the
 * account versions' indexes. Values match the rows of sample-accounts.ts.
 */
export interface AccountQuery {
  name: string;
  run(db: Kysely<WardenDatabase>, snapshotId: string): Promise<unknown[]>;
}

/** One screenful: the inventory pages its results. */
const PAGE = 200;

export const accountQueries: readonly AccountQuery[] = [
  {
    name: 'name prefix: first 200 accounts named svc-app01…',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(['object_guid', 'sam_account_name', 'dn'])
        .where('snapshot_id', '=', snapshotId)
        .where('sam_account_name', '>=', 'svc-app01')
        .where('sam_account_name', '<', 'svc-app02')
        .orderBy('sam_account_name')
        .limit(PAGE)
        .execute(),
  },
  {
    name: 'DN: one account by its distinguished name',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .selectAll()
        .where('snapshot_id', '=', snapshotId)
        .where('dn', '=', 'CN=svc-app004242,OU=Service Accounts,OU=Tier1,DC=corp,DC=example,DC=com')
        .execute(),
  },
  {
    name: 'SID: one account by its SID',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(['object_guid', 'sam_account_name'])
        .where('snapshot_id', '=', snapshotId)
        .where('sid', '=', 'S-1-5-21-1004336348-1177238915-682003330-14242')
        .execute(),
  },
  {
    name: "count of the snapshot's accounts",
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(db.fn.countAll<number>().as('accounts'))
        .where('snapshot_id', '=', snapshotId)
        .execute(),
  },
];
