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
    expect(account).toMatchObject({ sam_account_name: 'svc-sql', risk_tier: 'high', risk_score: 72.5, is_nhi: 1 });
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
  },
};

export const samplesByVersion: Readonly<Record<number, SchemaSample>> = { 1: version1, 2: version2 };
