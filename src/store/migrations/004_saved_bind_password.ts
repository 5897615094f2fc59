/**
 * A profile's bind password, kept only when the user asks for it. It has a
 * table of its own, so that no query of connection_profiles (every profile read
 * selects all of its columns) can carry it to a caller by accident. The host and
 * bind name it was saved for are kept beside it: it is handed out only for that
 * same server and account. Deleting the profile deletes it.
 */
export const statements: readonly string[] = [
  `CREATE TABLE profile_saved_passwords (
    profile_id TEXT PRIMARY KEY NOT NULL REFERENCES connection_profiles (id) ON DELETE CASCADE,
    host       TEXT NOT NULL COLLATE NOCASE,
    bind_name  TEXT NOT NULL COLLATE NOCASE,
    password   TEXT NOT NULL CHECK (length(password) > 0),
    saved_at   TEXT NOT NULL
  ) STRICT`,
];
