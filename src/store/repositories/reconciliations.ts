import type { Kysely } from 'kysely';
import type { HeadlineFigures } from '../../hr/figures';
import type { AccountForMatching } from '../../hr/match-input';
import type { AccountOutcome } from '../../hr/outcomes';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type { WardenDatabase } from '../schema';

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
   * Writes each account's outcome (accounts.hr_outcome) and the snapshot's
   * figures in one transaction, replacing an earlier reconciliation of the same snapshot.
   */
  save(input: ReconciliationSaveInput): Promise<ReconciliationRecord>;
  /** The figures of every reconciled snapshot, oldest snapshot first. */
  history(): Promise<ReconciliationRecord[]>;
}

/** objectGUIDs per UPDATE: well under SQLite's limit on bound values. */
const GUIDS_PER_STATEMENT = 900;

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

export function reconciliationsRepository(db: Kysely<WardenDatabase>, clock: Clock): ReconciliationsRepository {
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
      const rows = await db
        .selectFrom('accounts')
        .select([
          'object_guid',
          'sam_account_name',
          'upn',
          'mail',
          'proxy_addresses',
          'employee_id',
          'employee_number',
          'given_name',
          'sn',
          'display_name',
          'dn',
          'manager_dn',
          'user_account_control',
        ])
        .where('snapshot_id', '=', snapshotId)
        .orderBy('object_guid')
        .execute();
      return rows.map((row) => ({
        objectGuid: row.object_guid,
        samAccountName: row.sam_account_name,
        upn: row.upn,
        mail: row.mail,
        proxyAddresses:
          row.proxy_addresses === '[]' ? [] : parseStringArray(row.proxy_addresses, 'proxyAddresses', row.object_guid),
        employeeId: row.employee_id,
        employeeNumber: row.employee_number,
        givenName: row.given_name,
        sn: row.sn,
        displayName: row.display_name,
        dn: row.dn,
        managerDn: row.manager_dn,
        userAccountControl: row.user_account_control,
      }));
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
        const byOutcome = new Map<AccountOutcome, string[]>();
        for (const { objectGuid, outcome } of input.outcomes) {
          const guids = byOutcome.get(outcome) ?? [];
          guids.push(objectGuid);
          byOutcome.set(outcome, guids);
        }
        // A reconciliation gives every account of the snapshot an outcome; only a partial one needs the old
        // outcomes cleared first, which would rewrite every row and undo the saving below.
        const { n } = await trx
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('snapshot_id', '=', input.snapshotId)
          .executeTakeFirstOrThrow();
        if (Number(n) !== input.outcomes.length) {
          await trx
            .updateTable('accounts')
            .set({ hr_outcome: null })
            .where('snapshot_id', '=', input.snapshotId)
            .execute();
        }
        for (const [outcome, guids] of byOutcome) {
          for (let start = 0; start < guids.length; start += GUIDS_PER_STATEMENT) {
            await trx
              .updateTable('accounts')
              .set({ hr_outcome: outcome })
              .where('snapshot_id', '=', input.snapshotId)
              .where('object_guid', 'in', guids.slice(start, start + GUIDS_PER_STATEMENT))
              // Rows whose outcome is unchanged are not rewritten: reconciling again is mostly reading.
              .where((eb) => eb.or([eb('hr_outcome', 'is', null), eb('hr_outcome', '!=', outcome)]))
              .execute();
          }
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
