import type { Kysely } from 'kysely';
import type { NewAccountRow, WardenDatabase } from '../../src/store';

/**
 * 500 rows of 36 columns stay well under SQLite's limit of 32,766 bound
 * parameters per statement, and are few enough statements for Kysely's own
 * cost to stay small next to SQLite's.
 */
const BATCH_ROWS = 500;

/** Writes a snapshot and its accounts in one transaction, as multi-row inserts: both databases get exactly this. */
export async function writeSnapshot(
  db: Kysely<WardenDatabase>,
  snapshotId: string,
  accounts: readonly NewAccountRow[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('snapshots')
      .values({
        id: snapshotId,
        source_kind: 'demo',
        started_at: '2025-06-01T00:00:00.000Z',
        status: 'complete',
        lineage_id: snapshotId,
      })
      .execute();
    for (let start = 0; start < accounts.length; start += BATCH_ROWS) {
      await trx
        .insertInto('account_versions')
        .values(accounts.slice(start, start + BATCH_ROWS))
        .execute();
    }
  });
}
