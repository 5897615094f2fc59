import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import type { WardenDatabase } from '../schema';

/**
 * Saved Inventory views live in the settings table, one row each under
 * `view:<id>`: a view is a handful of criteria, so a table of its own (and a
 * migration) would buy nothing, and one row per view lets two windows save
 * different views without one overwriting the other's.
 */
const PREFIX = 'view:';

export interface SavedViewRecord {
  id: string;
  name: string;
  savedAt: string;
  /** Criteria, order and columns, as the API layer validated them; checked again when read, since a newer version may read them differently. */
  definition: unknown;
}

export interface ViewSaveInput {
  /** Absent: a new view, unless one already has this name (compared without case), which is then replaced. */
  id?: string;
  name: string;
  definition: unknown;
}

export interface ViewsRepository {
  /** Every saved view, by name. */
  list(): Promise<SavedViewRecord[]>;
  save(input: ViewSaveInput): Promise<SavedViewRecord>;
  /** False when there was no such view. */
  delete(id: string): Promise<boolean>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function parse(key: string, text: string): SavedViewRecord {
  try {
    const value = JSON.parse(text) as Partial<SavedViewRecord>;
    if (typeof value.name === 'string' && typeof value.savedAt === 'string' && 'definition' in value) {
      return { id: key.slice(PREFIX.length), name: value.name, savedAt: value.savedAt, definition: value.definition };
    }
  } catch {
    // Reported below.
  }
  throw new StoreError('INVALID_DATA', 'A saved Inventory view is damaged; delete it and save it again.', {
    key,
  });
}

export function viewsRepository(db: Kysely<WardenDatabase>, clock: Clock): ViewsRepository {
  async function list(executor: Kysely<WardenDatabase>): Promise<SavedViewRecord[]> {
    const rows = await executor.selectFrom('settings').selectAll().where('key', 'like', `${PREFIX}%`).execute();
    return rows.map((row) => parse(row.key, row.value)).sort((a, b) => collator.compare(a.name, b.name));
  }

  return {
    list: () => list(db),

    save(input) {
      return db.transaction().execute(async (trx) => {
        const name = input.name.trim();
        const sameName = (await list(trx)).find((view) => collator.compare(view.name, name) === 0);
        const id = input.id ?? sameName?.id ?? randomUUID();
        // Renaming a view onto another's name replaces that other one: names stay unique.
        if (sameName !== undefined && sameName.id !== id) {
          await trx
            .deleteFrom('settings')
            .where('key', '=', PREFIX + sameName.id)
            .execute();
        }
        const record: SavedViewRecord = { id, name, savedAt: clock().toISOString(), definition: input.definition };
        const value = JSON.stringify({ name, savedAt: record.savedAt, definition: record.definition });
        await trx
          .insertInto('settings')
          .values({ key: PREFIX + id, value })
          .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
          .execute();
        return record;
      });
    },

    async delete(id) {
      const result = await db
        .deleteFrom('settings')
        .where('key', '=', PREFIX + id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
