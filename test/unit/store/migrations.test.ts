import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError, WARDEN_APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../src/store';
import { SCHEMA_VERSIONS, migrateSchema } from '../../../src/store/migrations';
import { openDatabase } from '../../../src/store/open-database';
import { kyselyFor } from '../../../src/store/store';
import { rawKey, tempStorePath, track } from './helpers';
import { samplesByVersion } from './schema-samples';

const key = rawKey(Buffer.alloc(32, 3));

/** A store file at exactly `version`, without the upgrade openStore would apply. */
async function bareDatabaseAt(path: string, version: number): Promise<Kysely<unknown>> {
  const opened = await openDatabase({
    path,
    key,
    create: true,
    nativeBinding: undefined,
    busyTimeoutMs: 1000,
    integrityCheck: false,
  });
  const db = kyselyFor(opened, path) as unknown as Kysely<unknown>;
  await migrateSchema(db, path, version);
  return db;
}

async function pragmaValue(db: Kysely<unknown>, name: string): Promise<unknown> {
  const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(db);
  return rows[0]?.[name];
}

async function schemaObjects(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ type: string; name: string }>`
    SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`.execute(db);
  return rows.map((row) => `${row.type} ${row.name}`);
}

describe('schema migrations', () => {
  it('has representative rows for every schema version', () => {
    expect(Object.keys(samplesByVersion).map(Number)).toEqual(SCHEMA_VERSIONS.filter((version) => version > 0));
  });

  it('brings an empty database to the latest version', async () => {
    const store = track(await openStore({ path: tempStorePath(), key, create: true }));
    const db = store.db as unknown as Kysely<unknown>;
    expect(await pragmaValue(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(await pragmaValue(db, 'application_id')).toBe(WARDEN_APPLICATION_ID);
    const objects = await schemaObjects(db);
    for (const view of ['accounts', 'groups', 'memberships']) expect(objects).toContain(`view ${view}`);
    for (const table of [
      'connection_profiles',
      'snapshots',
      'account_versions',
      'group_versions',
      'membership_versions',
      'effective_memberships',
      'hr_imports',
      'hr_records',
      'decisions',
      'settings',
      'audit_log',
    ]) {
      expect(objects).toContain(`table ${table}`);
    }
    for (const index of [
      'account_versions_by_dn',
      'account_versions_by_sid',
      'account_versions_by_sam',
      'group_versions_by_dn',
      'membership_versions_by_member_guid',
    ]) {
      expect(objects).toContain(`index ${index}`);
    }
    expect(objects).toContain('trigger audit_log_no_update');
    expect(objects).toContain('trigger audit_log_no_delete');
  });

  it("finds a snapshot's accounts by name, DN and SID through indexes", async () => {
    const store = track(await openStore({ path: tempStorePath(), key, create: true }));
    for (const column of ['sam_account_name', 'dn', 'sid']) {
      const { rows } = await sql<{ detail: string }>`
        EXPLAIN QUERY PLAN SELECT * FROM accounts WHERE snapshot_id = 'x' AND ${sql.ref(column)} = 'y'`.execute(
        store.db,
      );
      expect(rows.map((row) => row.detail).join(' '), column).toMatch(/USING INDEX account_versions_by_/);
    }
  });

  describe.each(SCHEMA_VERSIONS.filter((version) => version > 0))('from version %i', (version) => {
    it('upgrades to the latest version and keeps the rows written at that version', async () => {
      const sample = samplesByVersion[version];
      if (sample === undefined) throw new Error(`no sample rows for schema version ${version}`);
      const path = tempStorePath();
      const db = await bareDatabaseAt(path, version);
      expect(await pragmaValue(db, 'user_version')).toBe(version);
      await sample.insert(db);
      await db.destroy();

      const store = track(await openStore({ path, key }));
      expect(store.openedAtVersion).toBe(version);
      expect(await pragmaValue(store.db as unknown as Kysely<unknown>, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
      await sample.check(store.db);
    });
  });

  it('rolls a failed upgrade back entirely, leaving the previous version', async () => {
    const path = tempStorePath();
    const db = await bareDatabaseAt(path, 0);
    // A table in the way of the last statement of the first migration.
    await sql`CREATE TABLE audit_log (something TEXT)`.execute(db);
    await db.destroy();

    const error = await openStore({ path, key }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', details: { step: '001_initial' } });

    const after = await bareDatabaseAt(path, 0);
    expect(await pragmaValue(after, 'user_version')).toBe(0);
    expect(await schemaObjects(after)).not.toContain('table connection_profiles');
    await after.destroy();
  });
});
