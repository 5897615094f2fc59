import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { OPEN_SEQ, openStore, rekeyStore, type Store } from '../../../src/store';
import { passphraseKey, plainSqliteFile, plaintextHits, rawKey, tempStorePath, track } from './helpers';

/** Distinctive values that would be found by a byte search if they were ever written in clear. */
const MARKERS = {
  profileName: 'ZQXPROFILE-Kestrel-7f3a',
  host: 'zqxdc01.zqx-marker.example',
  bindName: 'ZQXBIND-svc-warden-91',
  baseDn: 'DC=zqx-basedn-marker,DC=example',
  samAccountName: 'zqxsam-svc-backup-42',
  accountDn: 'CN=ZQXDN-Backup Service,OU=ZQXOU-Service,DC=corp,DC=example',
  description: 'ZQXDESC runs the nightly payroll export',
  hrEmployeeId: 'ZQXEMP-000917',
  hrEmail: 'zqx.hr.person@zqx-marker.example',
  hrLastName: 'Zqxwellington',
  auditReason: 'ZQXREASON ticket CHG-55120',
} as const;
const markers = Object.values(MARKERS);

async function writeMarkers(store: Store): Promise<void> {
  await store.profiles.save({
    name: MARKERS.profileName,
    host: MARKERS.host,
    bindName: MARKERS.bindName,
    baseDn: MARKERS.baseDn,
  });
  const snapshotId = randomUUID();
  await store.db
    .insertInto('snapshots')
    .values({
      id: snapshotId,
      source_kind: 'ldap',
      started_at: '2025-01-01T00:00:00.000Z',
      status: 'complete',
      lineage_id: snapshotId,
    })
    .execute();
  await sql`INSERT INTO account_versions (lineage_id, object_guid, first_seq, last_seq, sam_account_name, dn, object_classes, description)
            VALUES (${snapshotId}, ${randomUUID()}, 1, ${OPEN_SEQ}, ${MARKERS.samAccountName}, ${MARKERS.accountDn}, '["user"]',
                    ${MARKERS.description})`.execute(store.db);
  const importId = randomUUID();
  await sql`INSERT INTO hr_imports (id, file_name, imported_at, row_count, mapping)
            VALUES (${importId}, 'people.csv', '2025-01-01T00:00:00.000Z', 1, '{}')`.execute(store.db);
  await sql`INSERT INTO hr_records (import_id, row_number, employee_id, email, last_name)
            VALUES (${importId}, 2, ${MARKERS.hrEmployeeId}, ${MARKERS.hrEmail}, ${MARKERS.hrLastName})`.execute(
    store.db,
  );
  await store.audit.append({ actor: 'admin', action: 'profile.create', reason: MARKERS.auditReason, result: 'ok' });
}

describe('nothing is written in clear', () => {
  it('finds the markers in a plain SQLite file (the scan itself works)', () => {
    const path = tempStorePath('control.db');
    plainSqliteFile(path, markers);
    expect(plaintextHits(path, markers).length).toBeGreaterThanOrEqual(markers.length);
  });

  it.each([
    ['a raw key', rawKey],
    ['a passphrase', passphraseKey],
  ])('keeps the database, WAL and shared-memory files opaque with %s', async (_label, makeKey) => {
    const path = tempStorePath();
    const key = makeKey();
    const store = track(await openStore({ path, key, create: true }));
    await writeMarkers(store);

    // Before any checkpoint, the rows sit in the WAL.
    expect(plaintextHits(path, markers)).toEqual([]);
    await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(store.db);
    expect(plaintextHits(path, markers)).toEqual([]);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    expect(plaintextHits(path, markers)).toEqual([]);

    // Re-keying goes through a rollback journal.
    await rekeyStore(store, rawKey());
    expect(plaintextHits(path, markers)).toEqual([]);
    await store.close();
    expect(plaintextHits(path, markers)).toEqual([]);
  });

  it('leaves nothing in clear when a writer is interrupted mid-transaction', async () => {
    const path = tempStorePath();
    const store = track(await openStore({ path, key: rawKey(), create: true }));
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: 'probe', value: JSON.stringify(MARKERS.description) })
        .execute();
      // Large enough to spill pages to the WAL before commit.
      for (let index = 0; index < 50; index++) {
        await trx
          .insertInto('decisions')
          .values({
            id: randomUUID(),
            subject_kind: 'account',
            subject_key: `${MARKERS.samAccountName}-${index}`,
            kind: 'owner',
            value: JSON.stringify(MARKERS.hrEmail),
            reason: MARKERS.auditReason + 'x'.repeat(2000),
            actor: 'admin',
            created_at: '2025-01-01T00:00:00.000Z',
          })
          .execute();
      }
      expect(plaintextHits(path, markers)).toEqual([]);
    });
    expect(plaintextHits(path, markers)).toEqual([]);
  });
});
