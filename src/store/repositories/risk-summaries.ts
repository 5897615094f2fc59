import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { WardenDatabase } from '../schema';

export interface RiskSummaryRecord {
  snapshotId: string;
  /** When the snapshot's scan started: the moment the figures describe. */
  snapshotStartedAt: string;
  assessedAt: string;
  policyHash: string;
  /** RiskSummary of src/risk/summary.ts, as JSON the risk stage reads back. */
  figures: unknown;
}

export interface RiskSummariesRepository {
  save(snapshotId: string, policyHash: string, figures: unknown): Promise<void>;
  /** Every assessed complete snapshot's figures, oldest snapshot first. */
  history(): Promise<RiskSummaryRecord[]>;
}

export function riskSummariesRepository(db: Kysely<WardenDatabase>, clock: Clock): RiskSummariesRepository {
  return {
    async save(snapshotId, policyHash, figures) {
      const row = {
        snapshot_id: snapshotId,
        assessed_at: clock().toISOString(),
        policy_hash: policyHash,
        figures: JSON.stringify(figures),
      };
      await db
        .insertInto('risk_summaries')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('snapshot_id').doUpdateSet({
            assessed_at: row.assessed_at,
            policy_hash: row.policy_hash,
            figures: row.figures,
          }),
        )
        .execute();
    },

    async history() {
      const rows = await db
        .selectFrom('risk_summaries')
        .innerJoin('snapshots', 'snapshots.id', 'risk_summaries.snapshot_id')
        .select([
          'risk_summaries.snapshot_id',
          'snapshots.started_at',
          'risk_summaries.assessed_at',
          'risk_summaries.policy_hash',
          'risk_summaries.figures',
        ])
        .where('snapshots.status', '=', 'complete')
        .orderBy('snapshots.started_at')
        .execute();
      return rows.map((row) => {
        let figures: unknown;
        try {
          figures = JSON.parse(row.figures);
        } catch (error) {
          throw new StoreError(
            'INVALID_DATA',
            `The risk figures of snapshot ${row.snapshot_id} are damaged; assess it again to replace them.`,
            { snapshotId: row.snapshot_id },
            { cause: error },
          );
        }
        return {
          snapshotId: row.snapshot_id,
          snapshotStartedAt: row.started_at,
          assessedAt: row.assessed_at,
          policyHash: row.policy_hash,
          figures,
        };
      });
    },
  };
}
