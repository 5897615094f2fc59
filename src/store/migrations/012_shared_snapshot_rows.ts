/**
 * Snapshots share the rows they have in common. An incremental scan used to
 * start from a complete copy of the snapshot before it, so reading a hundred
 * changes still wrote (and encrypted) every account, group and `member` row of
 * the domain again. Now the rows are versions: each belongs to a lineage (a
 * full snapshot and the incremental ones built on it) and is seen by the
 * snapshots whose sequence number lies in [first_seq, last_seq]; an
 * incremental snapshot writes only what changed and closes the versions it
 * replaces. The old table names become views that give every snapshot its
 * rows under `snapshot_id`, as before, so readers did not change.
 *
 * The version columns end each key, so that which versions a snapshot sees
 * is told from the key's index alone: counting a snapshot of 100,000
 * accounts otherwise read every row.
 *
 * The classification columns (type, risk tier, owner, usage…) were never
 * filled in by a scan and are derived per snapshot elsewhere; rows shared by
 * several snapshots cannot hold them, and their indexes cost every scan an
 * index entry per account. They go.
 */
const OPEN = '9007199254740991';

const ACCOUNT_COLUMNS = `object_guid, sid, sam_account_name, upn, display_name, given_name, sn, mail,
  employee_id, employee_number, department, title, manager_dn, description, dn, ou, object_classes,
  user_account_control, when_created, when_changed, last_logon_timestamp, pwd_last_set, account_expires,
  spns, primary_group_id, admin_count, supported_enc_types, allowed_to_delegate_to, user_workstations,
  usn_changed, info, proxy_addresses, managed_by`;
const GROUP_COLUMNS = `object_guid, sid, sam_account_name, dn, description, group_type, admin_count, managed_by, usn_changed`;
const MEMBERSHIP_COLUMNS = `group_guid, member_dn, member_guid, direct`;

/**
 * What an incremental snapshot wrote and what it closed, found without
 * reading the whole lineage: a full scan's versions (first_seq 1, still open)
 * take no entry, so these cost the full scan nothing. Queries name the
 * partial condition literally, which is what lets SQLite use them.
 */
const changeIndexes = (table: string): string[] => [
  `CREATE INDEX ${table}_written ON ${table} (lineage_id, first_seq) WHERE first_seq > 1`,
  `CREATE INDEX ${table}_closed ON ${table} (lineage_id, last_seq) WHERE last_seq < ${OPEN}`,
];

/** The rows a snapshot sees of a version table, named and shaped as the table it replaces. */
const view = (name: string, table: string, columns: string): string => `
  CREATE VIEW ${name} AS
  SELECT s.id AS snapshot_id, ${columns
    .split(',')
    .map((column) => `v.${column.trim()}`)
    .join(', ')}
  FROM snapshots AS s
  JOIN ${table} AS v ON v.lineage_id = s.lineage_id AND v.first_seq <= s.seq AND v.last_seq >= s.seq`;

export const statements: readonly string[] = [
  `ALTER TABLE snapshots ADD COLUMN lineage_id TEXT`,
  `ALTER TABLE snapshots ADD COLUMN seq INTEGER NOT NULL DEFAULT 1`,
  `UPDATE snapshots SET lineage_id = id`,
  `CREATE INDEX snapshots_by_lineage ON snapshots (lineage_id, seq)`,

  `CREATE TABLE account_versions (
    lineage_id             TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    object_guid            TEXT NOT NULL,
    first_seq              INTEGER NOT NULL,
    last_seq               INTEGER NOT NULL,
    sid                    TEXT,
    sam_account_name       TEXT NOT NULL COLLATE NOCASE,
    upn                    TEXT COLLATE NOCASE,
    display_name           TEXT,
    given_name             TEXT,
    sn                     TEXT,
    mail                   TEXT COLLATE NOCASE,
    employee_id            TEXT,
    employee_number        TEXT,
    department             TEXT,
    title                  TEXT,
    manager_dn             TEXT COLLATE NOCASE,
    description            TEXT,
    dn                     TEXT NOT NULL COLLATE NOCASE,
    ou                     TEXT COLLATE NOCASE,
    object_classes         TEXT NOT NULL CHECK (json_valid(object_classes)),
    user_account_control   INTEGER,
    when_created           TEXT,
    when_changed           TEXT,
    last_logon_timestamp   TEXT,
    pwd_last_set           TEXT,
    account_expires        TEXT,
    spns                   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(spns)),
    primary_group_id       INTEGER,
    admin_count            INTEGER,
    supported_enc_types    INTEGER,
    allowed_to_delegate_to TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allowed_to_delegate_to)),
    user_workstations      TEXT,
    usn_changed            INTEGER,
    info                   TEXT,
    proxy_addresses        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(proxy_addresses)),
    managed_by             TEXT COLLATE NOCASE,
    PRIMARY KEY (lineage_id, object_guid, first_seq, last_seq)
  ) STRICT`,
  `INSERT INTO account_versions (lineage_id, first_seq, last_seq, ${ACCOUNT_COLUMNS})
    SELECT snapshot_id, 1, ${OPEN}, ${ACCOUNT_COLUMNS} FROM accounts`,
  // Resolving member and manager DNs, and SIDs from ACLs and foreign principals; names for the search box.
  `CREATE INDEX account_versions_by_dn ON account_versions (lineage_id, dn)`,
  `CREATE INDEX account_versions_by_sid ON account_versions (lineage_id, sid)`,
  `CREATE INDEX account_versions_by_sam ON account_versions (lineage_id, sam_account_name)`,
  ...changeIndexes('account_versions'),

  `CREATE TABLE group_versions (
    lineage_id       TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    object_guid      TEXT NOT NULL,
    first_seq        INTEGER NOT NULL,
    last_seq         INTEGER NOT NULL,
    sid              TEXT,
    sam_account_name TEXT COLLATE NOCASE,
    dn               TEXT NOT NULL COLLATE NOCASE,
    description      TEXT,
    group_type       INTEGER,
    admin_count      INTEGER,
    managed_by       TEXT COLLATE NOCASE,
    usn_changed      INTEGER,
    PRIMARY KEY (lineage_id, object_guid, first_seq, last_seq)
  ) STRICT`,
  `INSERT INTO group_versions (lineage_id, first_seq, last_seq, ${GROUP_COLUMNS})
    SELECT snapshot_id, 1, ${OPEN}, ${GROUP_COLUMNS} FROM groups`,
  `CREATE INDEX group_versions_by_dn ON group_versions (lineage_id, dn)`,
  `CREATE INDEX group_versions_by_sid ON group_versions (lineage_id, sid)`,
  `CREATE INDEX group_versions_by_sam ON group_versions (lineage_id, sam_account_name)`,
  ...changeIndexes('group_versions'),

  `CREATE TABLE membership_versions (
    lineage_id  TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    group_guid  TEXT NOT NULL,
    member_dn   TEXT NOT NULL COLLATE NOCASE,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    member_guid TEXT,
    direct      INTEGER NOT NULL DEFAULT 1 CHECK (direct IN (0, 1)),
    PRIMARY KEY (lineage_id, group_guid, member_dn, first_seq, last_seq)
  ) STRICT`,
  `INSERT INTO membership_versions (lineage_id, first_seq, last_seq, ${MEMBERSHIP_COLUMNS})
    SELECT snapshot_id, 1, ${OPEN}, ${MEMBERSHIP_COLUMNS} FROM memberships`,
  `CREATE INDEX membership_versions_by_member_guid ON membership_versions (lineage_id, member_guid)`,
  `CREATE INDEX membership_versions_by_member_dn ON membership_versions (lineage_id, member_dn)`,
  ...changeIndexes('membership_versions'),

  // Effective memberships stay per snapshot; their keys can no longer reference the shared rows.
  `CREATE TABLE effective_memberships_per_snapshot (
    snapshot_id  TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    account_guid TEXT NOT NULL,
    group_guid   TEXT NOT NULL,
    path         TEXT NOT NULL CHECK (json_valid(path)),
    PRIMARY KEY (snapshot_id, account_guid, group_guid)
  ) STRICT`,
  `INSERT INTO effective_memberships_per_snapshot SELECT snapshot_id, account_guid, group_guid, path FROM effective_memberships`,
  `DROP TABLE effective_memberships`,
  `ALTER TABLE effective_memberships_per_snapshot RENAME TO effective_memberships`,
  `CREATE INDEX effective_memberships_by_group ON effective_memberships (snapshot_id, group_guid)`,

  `DROP TABLE memberships`,
  `DROP TABLE accounts`,
  `DROP TABLE groups`,
  view('accounts', 'account_versions', ACCOUNT_COLUMNS),
  view('groups', 'group_versions', GROUP_COLUMNS),
  view('memberships', 'membership_versions', MEMBERSHIP_COLUMNS),
];
