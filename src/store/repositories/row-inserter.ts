import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Inserts rows through one prepared statement per table and column list,
 * skipping rows whose key is already there. Snapshots write hundreds of
 * thousands of rows; building and preparing a multi-row INSERT per batch
 * costs more than SQLite's own work, so the hot paths bind values directly.
 * The caller holds the transaction (the native handle shares Kysely's
 * connection, so the statements run inside it).
 */
/** Rows written between two turns of the event loop: a few milliseconds of work. */
export const ROWS_PER_SLICE = 100;

/** Lets pending I/O (a socket with data waiting) run before the next slice of synchronous work. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

export class RowInserter {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(private readonly native: SqliteDatabase) {}

  /** Returns how many rows were new. */
  insert(table: string, rows: readonly Readonly<Record<string, unknown>>[]): number {
    const first = rows[0];
    if (first === undefined) return 0;
    const columns = Object.keys(first);
    const statement = this.statementFor(table, columns);
    let inserted = 0;
    for (const row of rows) {
      const result = statement.run(columns.map((column) => row[column] ?? null));
      inserted += Number(result.changes);
    }
    return inserted;
  }

  /**
   * As insert(), a slice at a time, giving the event loop a turn between
   * slices. A scan writes one page while the directory sends the next; held
   * for a whole page, the thread would leave the socket unread, and the DC,
   * its send buffer full, would wait instead of working ahead.
   */
  async insertInSlices(table: string, rows: readonly Readonly<Record<string, unknown>>[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
      inserted += this.insert(table, rows.slice(start, start + ROWS_PER_SLICE));
      await nextTurn();
    }
    return inserted;
  }

  private statementFor(table: string, columns: readonly string[]): SqliteStatement {
    const key = `${table}(${columns.join(',')})`;
    let statement = this.statements.get(key);
    if (statement === undefined) {
      const quoted = columns.map((column) => `"${column}"`).join(', ');
      const placeholders = columns.map(() => '?').join(', ');
      statement = this.native.prepare(`INSERT OR IGNORE INTO "${table}" (${quoted}) VALUES (${placeholders})`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
