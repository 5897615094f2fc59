/**
 * The first schema. Tables are STRICT so a value of the wrong type is refused
 * at write time rather than discovered by a report months later.
 */
export const statements: readonly string[] = [
  `CREATE TABLE connection_profiles (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT NOT NULL COLLATE NOCASE UNIQUE,
    domain           TEXT NOT NULL DEFAULT '',
    host             TEXT NOT NULL,
    port             INTEGER CHECK (port BETWEEN 1 AND 65535),
    transport        TEXT NOT NULL CHECK (transport IN ('ldaps', 'starttls', 'ldap')),
    allow_plain_ldap INTEGER NOT NULL DEFAULT 0 CHECK (allow_plain_ldap IN (0, 1)),
    ca_pem           TEXT,
    server_name      TEXT,
    bind_name        TEXT NOT NULL,
    base_dn          TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE snapshots (
    id                    TEXT PRIMARY KEY NOT NULL,
    profile_id            TEXT REFERENCES connection_profiles (id) ON DELETE SET NULL,
    source_kind           TEXT NOT NULL CHECK (source_kind IN ('ldap', 'ldif', 'demo')),
    dc_host               TEXT,
    invocation_id         TEXT,
    started_at            TEXT NOT NULL,
    finished_at           TEXT,
    status                TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed', 'cancelled')),
    error                 TEXT,
    account_count         INTEGER NOT NULL DEFAULT 0,
    group_count           INTEGER NOT NULL DEFAULT 0,
    highest_committed_usn INTEGER,
    base_dn               TEXT
  ) STRICT`,
  `CREATE INDEX snapshots_by_profile ON snapshots (profile_id, started_at)`,
  `CREATE INDEX snapshots_by_start ON snapshots (started_at)`,

  `CREATE TABLE accounts (
    snapshot_id            TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    object_guid            TEXT NOT NULL,
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
    type                   TEXT,
    is_nhi                 INTEGER CHECK (is_nhi IN (0, 1)),
    risk_tier              TEXT,
    risk_score             REAL,
    owner                  TEXT COLLATE NOCASE,
    owner_status           TEXT,
    usage                  TEXT,
    hr_outcome             TEXT,
    PRIMARY KEY (snapshot_id, object_guid)
  ) STRICT`,
  // The inventory screens filter one snapshot of up to ~100k accounts by these columns.
  `CREATE INDEX accounts_by_type ON accounts (snapshot_id, type)`,
  `CREATE INDEX accounts_by_risk_tier ON accounts (snapshot_id, risk_tier, risk_score)`,
  `CREATE INDEX accounts_by_owner ON accounts (snapshot_id, owner)`,
  `CREATE INDEX accounts_by_is_nhi ON accounts (snapshot_id, is_nhi)`,
  `CREATE INDEX accounts_by_sam ON accounts (snapshot_id, sam_account_name)`,
  // Resolving member and manager DNs, and SIDs from ACLs and foreign principals.
  `CREATE INDEX accounts_by_dn ON accounts (snapshot_id, dn)`,
  `CREATE INDEX accounts_by_sid ON accounts (snapshot_id, sid)`,

  `CREATE TABLE groups (
    snapshot_id      TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    object_guid      TEXT NOT NULL,
    sid              TEXT,
    sam_account_name TEXT COLLATE NOCASE,
    dn               TEXT NOT NULL COLLATE NOCASE,
    description      TEXT,
    group_type       INTEGER,
    admin_count      INTEGER,
    managed_by       TEXT COLLATE NOCASE,
    usn_changed      INTEGER,
    PRIMARY KEY (snapshot_id, object_guid)
  ) STRICT`,
  `CREATE INDEX groups_by_dn ON groups (snapshot_id, dn)`,
  `CREATE INDEX groups_by_sid ON groups (snapshot_id, sid)`,
  `CREATE INDEX groups_by_sam ON groups (snapshot_id, sam_account_name)`,

  `CREATE TABLE memberships (
    snapshot_id TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    group_guid  TEXT NOT NULL,
    member_dn   TEXT NOT NULL COLLATE NOCASE,
    member_guid TEXT,
    direct      INTEGER NOT NULL DEFAULT 1 CHECK (direct IN (0, 1)),
    PRIMARY KEY (snapshot_id, group_guid, member_dn),
    FOREIGN KEY (snapshot_id, group_guid) REFERENCES groups (snapshot_id, object_guid) ON DELETE CASCADE
  ) STRICT`,
  `CREATE INDEX memberships_by_member_guid ON memberships (snapshot_id, member_guid)`,
  `CREATE INDEX memberships_by_member_dn ON memberships (snapshot_id, member_dn)`,

  `CREATE TABLE effective_memberships (
    snapshot_id  TEXT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    account_guid TEXT NOT NULL,
    group_guid   TEXT NOT NULL,
    path         TEXT NOT NULL CHECK (json_valid(path)),
    PRIMARY KEY (snapshot_id, account_guid, group_guid),
    FOREIGN KEY (snapshot_id, account_guid) REFERENCES accounts (snapshot_id, object_guid) ON DELETE CASCADE,
    FOREIGN KEY (snapshot_id, group_guid) REFERENCES groups (snapshot_id, object_guid) ON DELETE CASCADE
  ) STRICT`,
  `CREATE INDEX effective_memberships_by_group ON effective_memberships (snapshot_id, group_guid)`,

  `CREATE TABLE hr_imports (
    id          TEXT PRIMARY KEY NOT NULL,
    file_name   TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    row_count   INTEGER NOT NULL CHECK (row_count >= 0),
    mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
    is_current  INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
  ) STRICT`,
  `CREATE UNIQUE INDEX hr_imports_one_current ON hr_imports (is_current) WHERE is_current = 1`,

  `CREATE TABLE hr_records (
    import_id     TEXT NOT NULL REFERENCES hr_imports (id) ON DELETE CASCADE,
    row_number    INTEGER NOT NULL,
    employee_id   TEXT,
    email         TEXT COLLATE NOCASE,
    first_name    TEXT,
    last_name     TEXT,
    display_name  TEXT,
    username      TEXT COLLATE NOCASE,
    status        TEXT,
    end_date      TEXT,
    department    TEXT,
    manager_email TEXT COLLATE NOCASE,
    PRIMARY KEY (import_id, row_number)
  ) STRICT`,
  // Matching accounts to people tries employee id, then e-mail, then user name.
  `CREATE INDEX hr_records_by_employee_id ON hr_records (import_id, employee_id)`,
  `CREATE INDEX hr_records_by_email ON hr_records (import_id, email)`,
  `CREATE INDEX hr_records_by_username ON hr_records (import_id, username)`,

  `CREATE TABLE decisions (
    id           TEXT PRIMARY KEY NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_key  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT CHECK (value IS NULL OR json_valid(value)),
    reason       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    created_at   TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX decisions_by_subject ON decisions (subject_kind, subject_key, kind, created_at)`,

  `CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value))
  ) STRICT`,

  `CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT,
    reason    TEXT,
    before    TEXT CHECK (before IS NULL OR json_valid(before)),
    after     TEXT CHECK (after IS NULL OR json_valid(after)),
    result    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
  ) STRICT`,
  // The hash chain shows tampering after the fact; the triggers stop the application itself from doing it.
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
   BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
   BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
];
