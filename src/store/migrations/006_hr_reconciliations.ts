/**
 * The headline figures of each reconciliation, kept per snapshot so their
 * history survives: reconciling a snapshot again (a new HR list, new
 * decisions) replaces its figures, and deleting the snapshot deletes them.
 * The HR import is named, not referenced: an HR list may be replaced or
 * deleted later, and the figures stay what they were.
 */
export const statements: readonly string[] = [
  `CREATE TABLE hr_reconciliations (
    snapshot_id   TEXT PRIMARY KEY NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    hr_import_id  TEXT NOT NULL,
    reconciled_at TEXT NOT NULL,
    figures       TEXT NOT NULL CHECK (json_valid(figures))
  ) STRICT`,
];
