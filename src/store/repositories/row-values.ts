import type { Kysely } from 'kysely';
import type { NativeDatabase } from '../guarded-database';
import type { WardenDatabase } from '../schema';

/**
 * Every row of a query as an array of its values (see NativeDatabase.rowValues),
 * read once no query or transaction of the store holds the connection: a read
 * on the native handle in the middle of another caller's transaction would see
 * its uncommitted rows.
 */
export function readRowValues<Row extends unknown[]>(
  db: Kysely<WardenDatabase>,
  native: NativeDatabase,
  source: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  return db.connection().execute(async () => native.rowValues(source, parameters) as Row[]);
}
