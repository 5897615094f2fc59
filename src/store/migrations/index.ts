import { Migrator, NO_MIGRATIONS, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from '../errors';
import { translateSqliteError } from '../sqlite-errors';
import * as initial from './001_initial';
import * as accountInfo from './002_account_info_and_proxy_addresses';
import * as hrImport from './003_hr_import';
import * as savedBindPassword from './004_saved_bind_password';
import * as incrementalSnapshots from './005_incremental_snapshots';
import * as hrReconciliations from './006_hr_reconciliations';
import * as hrRecordsIndexes from './007_hr_records_without_lookup_indexes';
import * as partialClassificationIndexes from './008_partial_classification_indexes';
import * as accountManagedBy from './009_account_managed_by';
import * as riskSummaries from './010_risk_summaries';
import * as hrOutcomesTable from './011_hr_outcomes_table';
import * as sharedSnapshotRows from './012_shared_snapshot_rows';

/**
 * Schema history, kept in code: a folder read at run time does not survive
 * bundling into the Electron main process.
 *
 * To change the schema, add a file `NNN_what_it_does.ts` and append it below;
 * never edit a step that has shipped. Each step runs inside the same
 * transaction as the rest of the upgrade, and leaves PRAGMA user_version at its
 * own number, so `user_version` always tells which schema a file holds.
 */
interface SchemaStep {
  name: string;
  up: (db: Kysely<unknown>) => Promise<void>;
}

function fromStatements(statements: readonly string[]): SchemaStep['up'] {
  return async (db) => {
    for (const statement of statements) await sql.raw(statement).execute(db);
  };
}

const steps: readonly SchemaStep[] = [
  { name: '001_initial', up: fromStatements(initial.statements) },
  { name: '002_account_info_and_proxy_addresses', up: fromStatements(accountInfo.statements) },
  { name: '003_hr_import', up: fromStatements(hrImport.statements) },
  { name: '004_saved_bind_password', up: fromStatements(savedBindPassword.statements) },
  { name: '005_incremental_snapshots', up: fromStatements(incrementalSnapshots.statements) },
  { name: '006_hr_reconciliations', up: fromStatements(hrReconciliations.statements) },
  { name: '007_hr_records_without_lookup_indexes', up: fromStatements(hrRecordsIndexes.statements) },
  { name: '008_partial_classification_indexes', up: fromStatements(partialClassificationIndexes.statements) },
  { name: '009_account_managed_by', up: fromStatements(accountManagedBy.statements) },
  { name: '010_risk_summaries', up: fromStatements(riskSummaries.statements) },
  { name: '011_hr_outcomes_table', up: fromStatements(hrOutcomesTable.statements) },
  { name: '012_shared_snapshot_rows', up: fromStatements(sharedSnapshotRows.statements) },
];

/** "WRDN": marks a SQLite file as a Warden store, next to SQLite's own header fields. */
export const WARDEN_APPLICATION_ID = 0x5752444e;

export const LATEST_SCHEMA_VERSION = steps.length;

/** Every schema version a file can be at, oldest first (0 is a file with no tables yet). */
export const SCHEMA_VERSIONS: readonly number[] = Array.from({ length: steps.length + 1 }, (_, version) => version);

function versionMigration(step: SchemaStep, version: number): Migration {
  return {
    async up(db) {
      await step.up(db);
      await sql.raw(`PRAGMA application_id = ${WARDEN_APPLICATION_ID}`).execute(db);
      await sql.raw(`PRAGMA user_version = ${version}`).execute(db);
    },
  };
}

const provider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(steps.map((step, index) => [step.name, versionMigration(step, index + 1)]));
  },
};

/** Brings the schema to `targetVersion` (the latest by default) in one transaction. */
export async function migrateSchema<DB>(
  db: Kysely<DB>,
  path: string,
  targetVersion: number = LATEST_SCHEMA_VERSION,
): Promise<void> {
  const target = targetVersion === 0 ? NO_MIGRATIONS : steps[targetVersion - 1]?.name;
  if (target === undefined) throw new RangeError(`No schema version ${targetVersion}`);
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateTo(target);
  if (error === undefined) return;
  const translated = translateSqliteError(error, path);
  if (translated instanceof StoreError) throw translated;
  const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
  const reason = error instanceof Error ? error.message : String(error);
  throw new StoreError(
    'MIGRATION_FAILED',
    `Upgrading the store's schema failed at step ${failed} (${reason}); the store was left unchanged.`,
    { path, step: failed, reason },
    { cause: error },
  );
}
