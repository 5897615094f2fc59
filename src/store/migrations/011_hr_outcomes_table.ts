/**
 * Each account's HR outcome in a narrow table of its own. Kept in the accounts
 * rows, an outcome made SQLite rewrite and encrypt a whole wide row (and every
 * page of the snapshot), the largest part of reconciling 100k accounts; here a
 * reconciliation writes three short columns per account. A snapshot's copy for
 * an incremental scan starts without outcomes, as before.
 */
export const statements: readonly string[] = [
  `CREATE TABLE hr_outcomes (
    snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    object_guid TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, object_guid)
  ) STRICT, WITHOUT ROWID`,
  `INSERT INTO hr_outcomes (snapshot_id, object_guid, outcome)
    SELECT snapshot_id, object_guid, hr_outcome FROM accounts WHERE hr_outcome IS NOT NULL`,
  `ALTER TABLE accounts DROP COLUMN hr_outcome`,
];
