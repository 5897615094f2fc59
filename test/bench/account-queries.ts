import type { Kysely } from 'kysely';
import type { WardenDatabase } from '../../src/store';

/**
 * The inventory screens' filters on one snapshot, each served by one of the
 * accounts table's indexes. Values match the distribution of sample-accounts.ts.
 */
export interface AccountQuery {
  name: string;
  run(db: Kysely<WardenDatabase>, snapshotId: string): Promise<unknown[]>;
}

/** One screenful: the inventory pages its results. */
const PAGE = 200;

export const accountQueries: readonly AccountQuery[] = [
  {
    name: 'risk tier: high, top 200 by score',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(['object_guid', 'sam_account_name', 'type', 'owner', 'risk_score'])
        .where('snapshot_id', '=', snapshotId)
        .where('risk_tier', '=', 'high')
        .orderBy('risk_score', 'desc')
        .limit(PAGE)
        .execute(),
  },
  {
    name: 'owner: all accounts of one owner',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .selectAll()
        .where('snapshot_id', '=', snapshotId)
        .where('owner', '=', 'owner7@corp.example.com')
        .execute(),
  },
  {
    name: 'is_nhi + type: NHI services, first 200 by name',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(['object_guid', 'sam_account_name', 'owner', 'risk_tier'])
        .where('snapshot_id', '=', snapshotId)
        .where('is_nhi', '=', 1)
        .where('type', '=', 'service')
        .orderBy('sam_account_name')
        .limit(PAGE)
        .execute(),
  },
  {
    name: 'count by type',
    run: (db, snapshotId) =>
      db
        .selectFrom('accounts')
        .select(['type', db.fn.countAll<number>().as('accounts')])
        .where('snapshot_id', '=', snapshotId)
        .groupBy('type')
        .execute(),
  },
];
