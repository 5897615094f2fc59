import type { Kysely } from 'kysely';
import type { NativeDatabase } from '../guarded-database';
import type { HeadlineFigures } from '../../hr/figures';
import type { AccountForMatching } from '../../hr/match-input';
import type { AccountOutcome } from '../../hr/outcomes';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type { WardenDatabase } from '../schema';
import { readRowValues } from './row-values';

export interface ReconciliationRecord {
  snapshotId: string;
  /** When the snapshot's scan started: the moment the figures describe. */
  snapshotStartedAt: string;
  hrImportId: string;
  reconciledAt: string;
  figures: HeadlineFigures;
}

export interface ReconciliationSaveInput {
  snapshotId: string;
  hrImportId: string;
  outcomes: readonly { objectGuid: string; outcome: AccountOutcome }[];
  figures: HeadlineFigures;
}

export interface ReconciliationsRepository {
  /** The account of a snapshot with this objectGUID, or else with this sAMAccountName (without case). */
  findAccount(
    snapshotId: string,
    guidOrName: string,
  ): Promise<{ objectGuid: string; samAccountName: string } | undefined>;
  /** What matching needs of every account of a snapshot. */
  accountsForMatching(snapshotId: string): Promise<AccountForMatching[]>;
  /**
   * Writes each account's outcome (table hr_outcomes) and the snapshot's
   * figures in one transaction, replacing an earlier reconciliation of the same snapshot.
   */
  save(input: ReconciliationSaveInput): Promise<ReconciliationRecord>;
  /** The figures of every reconciled snapshot, oldest snapshot first. */
  history(): Promise<ReconciliationRecord[]>;
}

/** Outcomes per INSERT: one native call per batch instead of per account, well under SQLite's limit on bound values. */
const OUTCOMES_PER_STATEMENT = 500;

/** The INSERT of `rows` outcomes, bound as snapshot, objectGUID and outcome for each. */
function insertOutcomesText(rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');
  return `INSERT INTO hr_outcomes (snapshot_id, object_guid, outcome) VALUES ${values}`;
}

function parseStringArray(text: string, column: string, guid: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  } catch {
    // Reported below with the account and the column.
  }
  throw new StoreError('INVALID_DATA', `The stored ${column} of account ${guid} is damaged.`, {
    objectGuid: guid,
    column,
  });
}

/** What matching reads of an account, in the order of AccountValues, read as arrays (see NativeDatabase.rowValues). */
const ACCOUNTS_OF_SNAPSHOT = `SELECT object_guid, sam_account_name, upn, mail, proxy_addresses, employee_id,
  employee_number, given_name, sn, display_name, dn, manager_dn, user_account_control
  FROM accounts WHERE snapshot_id = ? ORDER BY object_guid`;

type AccountValues = [
  objectGuid: string,
  samAccountName: string,
  upn: string | null,
  mail: string | null,
  proxyAddresses: string,
  employeeId: string | null,
  employeeNumber: string | null,
  givenName: string | null,
  sn: string | null,
  displayName: string | null,
  dn: string,
  managerDn: string | null,
  userAccountControl: number | null,
];

function toAccount(values: AccountValues): AccountForMatching {
  const objectGuid = values[0];
  return {
    objectGuid,
    samAccountName: values[1],
    upn: values[2],
    mail: values[3],
    proxyAddresses: values[4] === '[]' ? [] : parseStringArray(values[4], 'proxyAddresses', objectGuid),
    employeeId: values[5],
    employeeNumber: values[6],
    givenName: values[7],
    sn: values[8],
    displayName: values[9],
    dn: values[10],
    managerDn: values[11],
    userAccountControl: values[12],
  };
}

function parseFigures(text: string, snapshotId: string): HeadlineFigures {
  try {
    return JSON.parse(text) as HeadlineFigures;
  } catch (error) {
    throw new StoreError(
      'INVALID_DATA',
      `The reconciliation figures of snapshot ${snapshotId} are damaged; reconcile it again to replace them.`,
      { snapshotId },
      { cause: error },
    );
  }
}

/**
 * `native` is the same connection as `db`, for the outcome of every account;
 * it is used only inside a transaction `db` has opened, so the two never interleave.
 */
export function reconciliationsRepository(
  db: Kysely<WardenDatabase>,
  native: NativeDatabase,
  clock: Clock,
): ReconciliationsRepository {
  return {
    async findAccount(snapshotId, guidOrName) {
      const key = guidOrName.trim();
      const query = db
        .selectFrom('accounts')
        .select(['object_guid as objectGuid', 'sam_account_name as samAccountName'])
        .where('snapshot_id', '=', snapshotId);
      return (
        (await query.where('object_guid', '=', key.toLowerCase()).executeTakeFirst()) ??
        (await query.where('sam_account_name', '=', key).executeTakeFirst())
      );
    },

    async accountsForMatching(snapshotId) {
      return (await readRowValues<AccountValues>(db, native, ACCOUNTS_OF_SNAPSHOT, [snapshotId])).map(toAccount);
    },

    save(input) {
      return withImmediateTransaction(db, async (trx) => {
        const snapshot = await trx
          .selectFrom('snapshots')
          .select(['started_at', 'status'])
          .where('id', '=', input.snapshotId)
          .executeTakeFirst();
        if (snapshot?.status !== 'complete') {
          throw new StoreError('INVALID_DATA', `Snapshot ${input.snapshotId} is not a complete snapshot.`, {
            snapshotId: input.snapshotId,
          });
        }
        // Replaced whole: a narrow row per account costs less to write again than to compare.
        await trx.deleteFrom('hr_outcomes').where('snapshot_id', '=', input.snapshotId).execute();
        const fullBatch = native.prepare(insertOutcomesText(OUTCOMES_PER_STATEMENT));
        for (let start = 0; start < input.outcomes.length; start += OUTCOMES_PER_STATEMENT) {
          const batch = input.outcomes.slice(start, start + OUTCOMES_PER_STATEMENT);
          const values: unknown[] = [];
          for (const { objectGuid, outcome } of batch) values.push(input.snapshotId, objectGuid, outcome);
          const statement =
            batch.length === OUTCOMES_PER_STATEMENT ? fullBatch : native.prepare(insertOutcomesText(batch.length));
          statement.run(values);
        }
        const record = {
          snapshot_id: input.snapshotId,
          hr_import_id: input.hrImportId,
          reconciled_at: clock().toISOString(),
          figures: JSON.stringify(input.figures),
        };
        await trx
          .insertInto('hr_reconciliations')
          .values(record)
          .onConflict((conflict) =>
            conflict.column('snapshot_id').doUpdateSet((eb) => ({
              hr_import_id: eb.ref('excluded.hr_import_id'),
              reconciled_at: eb.ref('excluded.reconciled_at'),
              figures: eb.ref('excluded.figures'),
            })),
          )
          .execute();
        return {
          snapshotId: input.snapshotId,
          snapshotStartedAt: snapshot.started_at,
          hrImportId: input.hrImportId,
          reconciledAt: record.reconciled_at,
          figures: input.figures,
        };
      });
    },

    async history() {
      const rows = await db
        .selectFrom('hr_reconciliations as r')
        .innerJoin('snapshots as s', 's.id', 'r.snapshot_id')
        .select(['r.snapshot_id', 'r.hr_import_id', 'r.reconciled_at', 'r.figures', 's.started_at'])
        .orderBy('s.started_at')
        .orderBy('r.snapshot_id')
        .execute();
      return rows.map((row) => ({
        snapshotId: row.snapshot_id,
        snapshotStartedAt: row.started_at,
        hrImportId: row.hr_import_id,
        reconciledAt: row.reconciled_at,
        figures: parseFigures(row.figures, row.snapshot_id),
      }));
    },
  };
}
