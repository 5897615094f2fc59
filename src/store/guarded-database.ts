import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { storeClosed } from './errors';
import { translateSqliteError } from './sqlite-errors';

/** The native database as Kysely takes it, plus reads of whole rows as arrays. */
export interface NativeDatabase extends SqliteDatabase {
  /**
   * Every row of a query as an array of its column values, in the query's
   * order: no object per row, no lookup of each column's name, which for
   * hundreds of thousands of rows costs more than reading them.
   */
  rowValues(source: string, parameters: readonly unknown[]): unknown[][];
}

/**
 * Presents the native database to Kysely with every failure that concerns the
 * file (damage found on a page read for the first time, a busy lock, a full
 * disk) already turned into a StoreError, whatever query ran into it.
 */
export function guardedDatabase(database: BetterSqlite3.Database, path: string): NativeDatabase {
  function guard<T>(run: () => T): T {
    if (!database.open) throw storeClosed(path);
    try {
      return run();
    } catch (error) {
      throw translateSqliteError(error, path);
    }
  }

  function* guardedRows(rows: IterableIterator<unknown>): IterableIterator<unknown> {
    try {
      for (;;) {
        const next = guard(() => rows.next());
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early must release the statement, or the connection stays busy.
      rows.return?.();
    }
  }

  return {
    close() {
      if (database.open) database.close();
    },
    prepare(source): SqliteStatement {
      const statement = guard(() => database.prepare(source));
      return {
        reader: statement.reader,
        all: (parameters) => guard(() => statement.all(parameters)),
        run: (parameters) => guard(() => statement.run(parameters)),
        iterate: (parameters) => guardedRows(guard(() => statement.iterate(parameters))),
      };
    },
    rowValues(source, parameters) {
      return guard(
        () =>
          database
            .prepare(source)
            .raw(true)
            .all(...parameters) as unknown[][],
      );
    },
  };
}
