import type { Kysely } from 'kysely';
import { SettingsSchema, type Settings } from '../../api/schemas';
import { StoreError } from '../errors';
import type { WardenDatabase } from '../schema';
import { describeIssues, parseOrInvalid } from './validation';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ theme: 'system', fuzzyNameThreshold: 0.92 });

export interface SettingsRepository {
  /** The saved settings over the defaults. */
  get(): Promise<Settings>;
  /** Saves the given settings, leaves the others as they are, and returns them all. */
  update(changes: Partial<Settings>): Promise<Settings>;
}

type SettingKey = keyof Settings;
const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];
const SettingsChangeSchema = SettingsSchema.partial().strict();

/** One row per setting, so a future version can add settings without rewriting a blob. */
export function settingsRepository(db: Kysely<WardenDatabase>): SettingsRepository {
  async function get(): Promise<Settings> {
    const rows = await db.selectFrom('settings').selectAll().where('key', 'in', SETTING_KEYS).execute();
    const saved: Record<string, unknown> = {};
    for (const row of rows) saved[row.key] = parseSaved(row.key, row.value);
    const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...saved });
    if (parsed.success) return parsed.data;
    const issues = describeIssues(parsed.error);
    const keys = parsed.error.issues.map((issue) => String(issue.path[0] ?? ''));
    throw new StoreError(
      'INVALID_DATA',
      `The saved settings are damaged (${issues.join('; ')}); choose them again in Settings to repair them.`,
      { keys, issues },
    );
  }

  return {
    get,
    async update(changes) {
      const valid = parseOrInvalid(SettingsChangeSchema, changes, 'settings change');
      const rows = Object.entries(valid)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ({ key, value: JSON.stringify(value) }));
      if (rows.length > 0) {
        await db
          .insertInto('settings')
          .values(rows)
          .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
          .execute();
      }
      return get();
    },
  };
}

function parseSaved(key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      'INVALID_DATA',
      `The saved setting "${key}" is damaged (not readable); choose it again in Settings to repair it.`,
      { keys: [key] },
      { cause: error },
    );
  }
}
