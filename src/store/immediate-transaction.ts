import { sql, type Kysely } from 'kysely';

/**
 * Runs `work` in a transaction that takes the write lock at BEGIN. A read
 * followed by a write that depends on it (the last audit hash, then the next
 * entry) must not interleave with another connection doing the same: with a
 * deferred BEGIN both could read the same state. Inside an existing
 * transaction the caller already owns that guarantee, so `work` simply joins it.
 */
export async function withImmediateTransaction<DB, T>(
  db: Kysely<DB>,
  work: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const result = await work(connection);
      await sql`COMMIT`.execute(connection);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
