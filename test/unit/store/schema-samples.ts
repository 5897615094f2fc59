import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { WardenDatabase } from '../../../src/store';

/**
 * Representative rows for each schema version, for the upgrade tests. Every
 * new migration needs an entry here (the tests fail without one): rows as
 * that version stores them, written with plain SQL because the typed schema
 * only describes the latest version, and the check of what they must look
 * like once upgraded to the latest version.
 */
export interface SchemaSample {
  insert(db: Kysely<unknown>): Promise<void>;
  check(db: Kysely<WardenDatabase>): Promise<void>;
}

const SNAPSHOT = '6f1c1f4e-8a43-4c1e-9c59-1d2b7a0b8e01';
const PROFILE = '0b7d3c52-2a8e-4bb4-a1f7-2c7f77d5c0aa';
const ACCOUNT = 'a3c2e1d0-1111-4222-8333-944455556666';
const GROUP = 'b4d3f2e1-2222-4333-9444-a55566667777';
const IMPORT = 'c5e4a3f2-3333-4444-a555-b66677778888';

const version1: SchemaSample = {
  async insert(db) {
    const statements = [
      sql`INSERT INTO connection_profiles (id, name, domain, host, port, transport, allow_plain_ldap, bind_name, created_at, updated_at)
          VALUES (${PROFILE}, 'Corp', 'corp.example', 'dc1.corp.example', 636, 'ldaps', 0, 'svc-warden', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      sql`INSERT INTO snapshots (id, profile_id, source_kind, dc_host, started_at, finished_at, status, account_count, group_count, highest_committed_usn)
          VALUES (${SNAPSHOT}, ${PROFILE}, 'ldap', 'dc1.corp.example', '2025-01-01T00:00:00.000Z', '2025-01-01T00:05:00.000Z', 'complete', 1, 1, 123456)`,
      sql`INSERT INTO accounts (snapshot_id, object_guid, sid, sam_account_name, dn, object_classes, user_account_control, spns, type, is_nhi, risk_tier, risk_score, owner)
          VALUES (${SNAPSHOT}, ${ACCOUNT}, 'S-1-5-21-1-2-3-1105', 'svc-sql', 'CN=svc-sql,OU=Service,DC=corp,DC=example', '["top","user"]', 66048,
                  '["MSSQLSvc/db1.corp.example:1433"]', 'service', 1, 'high', 72.5, 'jane@corp.example')`,
      sql`INSERT INTO groups (snapshot_id, object_guid, sid, sam_account_name, dn, group_type)
          VALUES (${SNAPSHOT}, ${GROUP}, 'S-1-5-21-1-2-3-512', 'Domain Admins', 'CN=Domain Admins,CN=Users,DC=corp,DC=example', -2147483646)`,
      sql`INSERT INTO memberships (snapshot_id, group_guid, member_dn, member_guid, direct)
          VALUES (${SNAPSHOT}, ${GROUP}, 'CN=svc-sql,OU=Service,DC=corp,DC=example', ${ACCOUNT}, 1)`,
      sql`INSERT INTO effective_memberships (snapshot_id, account_guid, group_guid, path)
          VALUES (${SNAPSHOT}, ${ACCOUNT}, ${GROUP}, ${JSON.stringify([GROUP])})`,
      sql`INSERT INTO hr_imports (id, file_name, imported_at, row_count, mapping, is_current)
          VALUES (${IMPORT}, 'people.csv', '2025-01-02T00:00:00.000Z', 1, '{"email":"Mail"}', 1)`,
      sql`INSERT INTO hr_records (import_id, row_number, employee_id, email, status)
          VALUES (${IMPORT}, 2, 'E100', 'jane@corp.example', 'active')`,
      sql`INSERT INTO decisions (id, subject_kind, subject_key, kind, value, reason, actor, created_at)
          VALUES ('d1', 'account', ${ACCOUNT}, 'owner', '"jane@corp.example"', 'confirmed by CAB', 'admin', '2025-01-03T00:00:00.000Z')`,
      sql`INSERT INTO settings (key, value) VALUES ('theme', '"dark"')`,
      sql`INSERT INTO audit_log (at, actor, action, result, prev_hash, hash)
          VALUES ('2025-01-03T00:00:00.000Z', 'admin', 'decision.add', 'ok', ${'0'.repeat(64)}, ${'a'.repeat(64)})`,
    ];
    for (const statement of statements) await statement.execute(db);
  },

  async check(db) {
    const account = await db
      .selectFrom('accounts')
      .selectAll()
      .where('snapshot_id', '=', SNAPSHOT)
      .where('object_guid', '=', ACCOUNT)
      .executeTakeFirstOrThrow();
    // The classification columns went in version 12; what the scan read stays.
    expect(account).toMatchObject({
      sam_account_name: 'svc-sql',
      sid: 'S-1-5-21-1-2-3-1105',
      user_account_control: 66048,
    });
    expect(account).not.toHaveProperty('risk_tier');
    expect(JSON.parse(account.spns)).toEqual(['MSSQLSvc/db1.corp.example:1433']);
    const counts = await Promise.all(
      (
        [
          'connection_profiles',
          'snapshots',
          'groups',
          'memberships',
          'effective_memberships',
          'hr_imports',
          'hr_records',
          'decisions',
          'settings',
          'audit_log',
        ] as const
      ).map(async (table) => {
        const row = await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return [table, row.n] as const;
      }),
    );
    for (const [table, count] of counts) expect(count, table).toBe(1);
    const settings = await db.selectFrom('settings').selectAll().execute();
    expect(settings).toEqual([{ key: 'theme', value: '"dark"' }]);
  },
};

const ACCOUNT_V2 = 'd6f5b4a3-4444-4555-b666-c77788889999';

/** Version 2 adds accounts.info and accounts.proxy_addresses; rows from version 1 get null and '[]'. */
const version2: SchemaSample = {
  async insert(db) {
    await version1.insert(db);
    await sql`INSERT INTO accounts (snapshot_id, object_guid, sam_account_name, dn, object_classes, info, proxy_addresses)
              VALUES (${SNAPSHOT}, ${ACCOUNT_V2}, 'svc-web', 'CN=svc-web,OU=Service,DC=corp,DC=example', '["top","user"]',
                      'owner: web team', '["SMTP:svc-web@corp.example","smtp:web@corp.example"]')`.execute(db);
  },

  async check(db) {
    const rows = await db
      .selectFrom('accounts')
      .select(['object_guid', 'info', 'proxy_addresses'])
      .where('snapshot_id', '=', SNAPSHOT)
      .orderBy('object_guid')
      .execute();
    expect(rows).toEqual([
      { object_guid: ACCOUNT, info: null, proxy_addresses: '[]' },
      {
        object_guid: ACCOUNT_V2,
        info: 'owner: web team',
        proxy_addresses: '["SMTP:svc-web@corp.example","smtp:web@corp.example"]',
      },
    ]);
    // Schema 3 copies the status of earlier HR records as their raw status.
    const record = await db.selectFrom('hr_records').select(['status', 'raw_status']).executeTakeFirstOrThrow();
    expect(record).toEqual({ status: 'active', raw_status: 'active' });
  },
};

/**
 * Version 3 adds hr_records.raw_status (filled from status for earlier rows),
 * hr_imports.file_rows (null for earlier imports) and the hr_mappings table.
 */
const version3: SchemaSample = {
  async insert(db) {
    await version2.insert(db);
    await sql`INSERT INTO hr_records (import_id, row_number, employee_id, email, status, raw_status, end_date)
              VALUES (${IMPORT}, 3, 'E101', 'joe@corp.example', 'terminated', 'Left', '2025-03-31')`.execute(db);
    await sql`INSERT INTO hr_mappings (file_name, mapping, saved_at)
              VALUES ('people.csv', '{"email":"Mail"}', '2025-01-02T00:00:00.000Z')`.execute(db);
  },

  async check(db) {
    const records = await db
      .selectFrom('hr_records')
      .select(['row_number', 'status', 'raw_status'])
      .orderBy('row_number')
      .execute();
    expect(records).toEqual([
      { row_number: 2, status: 'active', raw_status: null },
      { row_number: 3, status: 'terminated', raw_status: 'Left' },
    ]);
    const imported = await db.selectFrom('hr_imports').select(['id', 'file_rows']).executeTakeFirstOrThrow();
    expect(imported).toEqual({ id: IMPORT, file_rows: null });
    const mappings = await db.selectFrom('hr_mappings').select(['file_name', 'mapping']).execute();
    expect(mappings).toEqual([{ file_name: 'people.csv', mapping: '{"email":"Mail"}' }]);
  },
};

/** Version 4 adds profile_saved_passwords: a profile's bind password, when the user saved it. */
const version4: SchemaSample = {
  async insert(db) {
    await version3.insert(db);
    await sql`INSERT INTO profile_saved_passwords (profile_id, host, bind_name, password, saved_at)
              VALUES (${PROFILE}, 'dc1.corp.example', 'svc-warden', 'sample password', '2025-01-03T00:00:00.000Z')`.execute(
      db,
    );
  },

  async check(db) {
    await version3.check(db);
    const saved = await db.selectFrom('profile_saved_passwords').selectAll().execute();
    expect(saved).toEqual([
      {
        profile_id: PROFILE,
        host: 'dc1.corp.example',
        bind_name: 'svc-warden',
        password: 'sample password',
        saved_at: '2025-01-03T00:00:00.000Z',
      },
    ]);
  },
};

/**
 * Version 5 adds what incremental rescans need to snapshots: kind ('full' for
 * every earlier one), the base snapshot, the bind name and the writing process.
 */
const version5: SchemaSample = {
  async insert(db) {
    await version4.insert(db);
    await sql`INSERT INTO snapshots (id, source_kind, started_at, status, kind, base_snapshot_id, bind_name)
              VALUES ('sample-incremental', 'ldap', '2025-01-04T00:00:00.000Z', 'complete', 'incremental',
                      ${SNAPSHOT}, 'svc-warden@corp.example')`.execute(db);
  },

  async check(db) {
    await version4.check(db);
    const snapshots = await db
      .selectFrom('snapshots')
      .select(['id', 'kind', 'base_snapshot_id', 'bind_name', 'writer_pid'])
      .orderBy('started_at')
      .execute();
    expect(snapshots).toEqual([
      { id: SNAPSHOT, kind: 'full', base_snapshot_id: null, bind_name: null, writer_pid: null },
      {
        id: 'sample-incremental',
        kind: 'incremental',
        base_snapshot_id: SNAPSHOT,
        bind_name: 'svc-warden@corp.example',
        writer_pid: null,
      },
    ]);
  },
};

const version6: SchemaSample = {
  async insert(db) {
    await version5.insert(db);
    await sql`INSERT INTO hr_reconciliations (snapshot_id, hr_import_id, reconciled_at, figures)
              VALUES (${SNAPSHOT}, ${IMPORT}, '2025-01-05T00:00:00.000Z', '{"enabledAccounts":1}')`.execute(db);
  },

  async check(db) {
    await version5.check(db);
    expect(await db.selectFrom('hr_reconciliations').selectAll().execute()).toEqual([
      {
        snapshot_id: SNAPSHOT,
        hr_import_id: IMPORT,
        reconciled_at: '2025-01-05T00:00:00.000Z',
        figures: '{"enabledAccounts":1}',
      },
    ]);
  },
};

/** Version 7 drops hr_records' lookup indexes; the records written before stay as they were. */
const version7: SchemaSample = {
  insert: (db) => version6.insert(db),

  async check(db) {
    await version6.check(db);
    const { rows: indexes } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hr_records' AND sql IS NOT NULL`.execute(db);
    expect(indexes).toEqual([]);
  },
};

/** Version 8 indexed risk tier, owner and the NHI flag only where they had a value; version 12 dropped the columns. */
const version8: SchemaSample = {
  insert: (db) => version7.insert(db),

  async check(db) {
    await version7.check(db);
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master
      WHERE type = 'index' AND name IN ('accounts_by_risk_tier', 'accounts_by_owner', 'accounts_by_is_nhi')`.execute(
      db,
    );
    expect(rows).toEqual([]);
  },
};

const ACCOUNT_V9 = 'e7a6c5b4-5555-4666-8777-d88899990000';
const OWNER_DN = 'CN=Jane Doe,OU=People,DC=corp,DC=example';

/** Version 9 adds accounts.managed_by (the `managedBy` DN); rows written before it have none. */
const version9: SchemaSample = {
  async insert(db) {
    await version8.insert(db);
    await sql`INSERT INTO accounts (snapshot_id, object_guid, sam_account_name, dn, object_classes, managed_by)
              VALUES (${SNAPSHOT}, ${ACCOUNT_V9}, 'gmsa-sql$', 'CN=gmsa-sql,CN=Managed Service Accounts,DC=corp,DC=example',
                      '["top","msDS-GroupManagedServiceAccount"]', ${OWNER_DN})`.execute(db);
  },

  async check(db) {
    await version8.check(db);
    const rows = await db
      .selectFrom('accounts')
      .select(['object_guid', 'managed_by'])
      .where('snapshot_id', '=', SNAPSHOT)
      .orderBy('object_guid')
      .execute();
    expect(rows).toEqual([
      { object_guid: ACCOUNT, managed_by: null },
      { object_guid: ACCOUNT_V2, managed_by: null },
      { object_guid: ACCOUNT_V9, managed_by: OWNER_DN },
    ]);
    // A DN, compared without case as AD compares DNs.
    const owned = await db
      .selectFrom('accounts')
      .select('object_guid')
      .where('managed_by', '=', OWNER_DN.toLowerCase())
      .execute();
    expect(owned).toEqual([{ object_guid: ACCOUNT_V9 }]);
  },
};

const insertRiskSummary = (db: Kysely<unknown>) =>
  sql`INSERT INTO risk_summaries (snapshot_id, assessed_at, policy_hash, figures)
      VALUES (${SNAPSHOT}, '2025-01-06T00:00:00.000Z', 'abc123', '{"accounts":3}')`.execute(db);

/** Version 10 adds risk_summaries; its accounts still hold their HR outcome, which version 11 moves out. */
const version10: SchemaSample = {
  async insert(db) {
    await version9.insert(db);
    await insertRiskSummary(db);
    await sql`UPDATE accounts SET hr_outcome = 'matched' WHERE object_guid = ${ACCOUNT}`.execute(db);
  },

  async check(db) {
    await version9.check(db);
    expect(await db.selectFrom('risk_summaries').selectAll().execute()).toEqual([
      {
        snapshot_id: SNAPSHOT,
        assessed_at: '2025-01-06T00:00:00.000Z',
        policy_hash: 'abc123',
        figures: '{"accounts":3}',
      },
    ]);
    expect(await db.selectFrom('hr_outcomes').selectAll().execute()).toEqual([
      { snapshot_id: SNAPSHOT, object_guid: ACCOUNT, outcome: 'matched' },
    ]);
  },
};

/** Version 11 keeps the HR outcomes in hr_outcomes. */
const version11: SchemaSample = {
  async insert(db) {
    await version9.insert(db);
    await insertRiskSummary(db);
    await sql`INSERT INTO hr_outcomes (snapshot_id, object_guid, outcome)
              VALUES (${SNAPSHOT}, ${ACCOUNT}, 'matched')`.execute(db);
  },

  check: (db) => version10.check(db),
};

const SNAPSHOT_V12 = '7a2d2f5f-9b54-4d2f-8d6a-2e3c8b1c9f02';
const OPEN = Number.MAX_SAFE_INTEGER;

/**
 * Version 12 keeps row versions shared by the snapshots of a lineage: here a
 * full snapshot and an incremental one after it in which svc-sql's
 * description changed and svc-web was deleted.
 */
const version12: SchemaSample = {
  async insert(db) {
    const statements = [
      sql`INSERT INTO snapshots (id, source_kind, started_at, finished_at, status, lineage_id, seq)
          VALUES (${SNAPSHOT}, 'ldap', '2025-01-01T00:00:00.000Z', '2025-01-01T00:05:00.000Z', 'complete', ${SNAPSHOT}, 1)`,
      sql`INSERT INTO snapshots (id, source_kind, started_at, finished_at, status, kind, base_snapshot_id, lineage_id, seq)
          VALUES (${SNAPSHOT_V12}, 'ldap', '2025-01-02T00:00:00.000Z', '2025-01-02T00:01:00.000Z', 'complete', 'incremental',
                  ${SNAPSHOT}, ${SNAPSHOT}, 2)`,
      sql`INSERT INTO account_versions (lineage_id, object_guid, first_seq, last_seq, sam_account_name, dn, object_classes, description)
          VALUES (${SNAPSHOT}, ${ACCOUNT}, 1, 1, 'svc-sql', 'CN=svc-sql,OU=Service,DC=corp,DC=example', '["top","user"]', 'before'),
                 (${SNAPSHOT}, ${ACCOUNT}, 2, ${OPEN}, 'svc-sql', 'CN=svc-sql,OU=Service,DC=corp,DC=example', '["top","user"]', 'after'),
                 (${SNAPSHOT}, ${ACCOUNT_V2}, 1, 1, 'svc-web', 'CN=svc-web,OU=Service,DC=corp,DC=example', '["top","user"]', NULL)`,
      sql`INSERT INTO group_versions (lineage_id, object_guid, first_seq, last_seq, sam_account_name, dn)
          VALUES (${SNAPSHOT}, ${GROUP}, 1, ${OPEN}, 'Domain Admins', 'CN=Domain Admins,CN=Users,DC=corp,DC=example')`,
      sql`INSERT INTO membership_versions (lineage_id, group_guid, member_dn, first_seq, last_seq, member_guid, direct)
          VALUES (${SNAPSHOT}, ${GROUP}, 'CN=svc-sql,OU=Service,DC=corp,DC=example', 1, ${OPEN}, ${ACCOUNT}, 1),
                 (${SNAPSHOT}, ${GROUP}, 'CN=svc-web,OU=Service,DC=corp,DC=example', 1, 1, ${ACCOUNT_V2}, 1)`,
    ];
    for (const statement of statements) await statement.execute(db);
  },

  async check(db) {
    const seen = async (snapshotId: string) => ({
      accounts: await db
        .selectFrom('accounts')
        .select(['object_guid', 'description'])
        .where('snapshot_id', '=', snapshotId)
        .orderBy('object_guid')
        .execute(),
      groups: await db.selectFrom('groups').select('object_guid').where('snapshot_id', '=', snapshotId).execute(),
      members: await db
        .selectFrom('memberships')
        .select('member_guid')
        .where('snapshot_id', '=', snapshotId)
        .orderBy('member_guid')
        .execute(),
    });
    expect(await seen(SNAPSHOT)).toEqual({
      accounts: [
        { object_guid: ACCOUNT, description: 'before' },
        { object_guid: ACCOUNT_V2, description: null },
      ],
      groups: [{ object_guid: GROUP }],
      members: [{ member_guid: ACCOUNT }, { member_guid: ACCOUNT_V2 }],
    });
    expect(await seen(SNAPSHOT_V12)).toEqual({
      accounts: [{ object_guid: ACCOUNT, description: 'after' }],
      groups: [{ object_guid: GROUP }],
      members: [{ member_guid: ACCOUNT }],
    });
  },
};

export const samplesByVersion: Readonly<Record<number, SchemaSample>> = {
  1: version1,
  2: version2,
  3: version3,
  4: version4,
  5: version5,
  6: version6,
  7: version7,
  8: version8,
  9: version9,
  10: version10,
  11: version11,
  12: version12,
};
