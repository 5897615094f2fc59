import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { WardenDatabase } from '../schema';
import { auditRepository } from './audit';

/** The settings row that holds the risk policy an administrator saved over the bundled defaults. */
const POLICY_KEY = 'riskPolicy';

export interface SavedPolicy {
  /** As saved: validated by the risk stage when it is read, since a newer version may have changed the rules. */
  policy: unknown;
  savedAt: string;
  savedBy: string;
}

export interface PolicyRepository {
  saved(): Promise<SavedPolicy | undefined>;
  /** Saves the policy and an audit entry with the one it replaces. */
  save(policy: unknown, actor: string): Promise<SavedPolicy>;
  /** Goes back to the bundled defaults; audited. */
  clear(actor: string): Promise<void>;
}

function parse(text: string): SavedPolicy {
  try {
    const value = JSON.parse(text) as Partial<SavedPolicy>;
    if (typeof value.savedAt === 'string' && typeof value.savedBy === 'string' && 'policy' in value) {
      return { policy: value.policy, savedAt: value.savedAt, savedBy: value.savedBy };
    }
  } catch {
    // Reported below.
  }
  throw new StoreError(
    'INVALID_DATA',
    'The saved risk policy is damaged; save it again in Settings or go back to the defaults.',
    { key: POLICY_KEY },
  );
}

export function policyRepository(db: Kysely<WardenDatabase>, clock: Clock): PolicyRepository {
  async function read(executor: Kysely<WardenDatabase>): Promise<SavedPolicy | undefined> {
    const row = await executor.selectFrom('settings').select('value').where('key', '=', POLICY_KEY).executeTakeFirst();
    return row === undefined ? undefined : parse(row.value);
  }

  return {
    saved: () => read(db),

    save(policy, actor) {
      return db.transaction().execute(async (trx) => {
        const saved: SavedPolicy = { policy, savedAt: clock().toISOString(), savedBy: actor };
        const value = JSON.stringify(saved);
        const before = await read(trx).catch(() => undefined);
        await trx
          .insertInto('settings')
          .values({ key: POLICY_KEY, value })
          .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
          .execute();
        await auditRepository(trx, clock).append({
          actor,
          action: 'policy.save',
          target: 'policy',
          before: before?.policy ?? null,
          after: policy,
          result: 'ok',
        });
        return saved;
      });
    },

    clear(actor) {
      return db.transaction().execute(async (trx) => {
        const before = await read(trx).catch(() => undefined);
        await trx.deleteFrom('settings').where('key', '=', POLICY_KEY).execute();
        await auditRepository(trx, clock).append({
          actor,
          action: 'policy.reset',
          target: 'policy',
          before: before?.policy ?? null,
          after: null,
          result: 'ok',
        });
      });
    },
  };
}
