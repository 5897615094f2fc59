import type { Kysely } from 'kysely';
import type { DecisionRow, WardenDatabase } from '../schema';

/** Which decision: rows with the same subject and kind replace one another, the latest in force. */
export interface DecisionSubject {
  subjectKind: string;
  subjectKey: string;
  kind: string;
}

/**
 * Adds a decision row and returns the row it replaces. Called inside a
 * transaction: the insert comes first so that the transaction holds the write
 * lock before it reads, and the previous decision cannot change under it.
 */
export async function appendDecisionRow(
  trx: Kysely<WardenDatabase>,
  row: DecisionRow,
): Promise<DecisionRow | undefined> {
  await trx.insertInto('decisions').values(row).execute();
  return trx
    .selectFrom('decisions')
    .selectAll()
    .where('subject_kind', '=', row.subject_kind)
    .where('subject_key', '=', row.subject_key)
    .where('kind', '=', row.kind)
    .where('id', '!=', row.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The latest row of each subject among `rows`, given oldest first. */
export function latestPerSubject(rows: readonly DecisionRow[]): DecisionRow[] {
  const latest = new Map<string, DecisionRow>();
  for (const row of rows) latest.set(`${row.subject_kind} ${row.subject_key} ${row.kind}`, row);
  return [...latest.values()];
}
