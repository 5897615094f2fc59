/**
 * Each snapshot's classification and risk figures, kept so the dashboard can
 * show their trend without assessing every old snapshot again. Assessing a
 * snapshot again (another policy, new decisions) replaces its row; deleting
 * the snapshot deletes it.
 */
export const statements: readonly string[] = [
  `CREATE TABLE risk_summaries (
    snapshot_id  TEXT PRIMARY KEY NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    assessed_at  TEXT NOT NULL,
    policy_hash  TEXT NOT NULL,
    figures      TEXT NOT NULL CHECK (json_valid(figures))
  ) STRICT`,
];
