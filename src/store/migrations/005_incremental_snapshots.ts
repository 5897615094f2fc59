/**
 * What an incremental rescan needs to know about a snapshot: whether it was a
 * full read or the changes applied to another snapshot (and which), the
 * account that read it (what one bind sees, another may not), and the process
 * that is writing it, so that a snapshot left 'running' by a process that was
 * killed can be told from one still being written.
 */
export const statements: readonly string[] = [
  `ALTER TABLE snapshots ADD COLUMN kind TEXT NOT NULL DEFAULT 'full' CHECK (kind IN ('full', 'incremental'))`,
  `ALTER TABLE snapshots ADD COLUMN base_snapshot_id TEXT REFERENCES snapshots (id) ON DELETE SET NULL`,
  `ALTER TABLE snapshots ADD COLUMN bind_name TEXT`,
  `ALTER TABLE snapshots ADD COLUMN writer_pid INTEGER`,
  `ALTER TABLE snapshots ADD COLUMN writer_host TEXT`,
];
