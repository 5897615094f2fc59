/**
 * What importing an HR employee list needs beyond the first schema:
 * - hr_records.raw_status: the status exactly as the file wrote it, beside the
 *   normalized `status` the reconciliation reads, so a person can see why a
 *   row counted as a leaver;
 * - hr_imports.file_rows: how many data rows the file had, invalid ones
 *   included (row_count is how many were stored);
 * - hr_mappings: the column mapping last used for a source file name, offered
 *   again when a file of that name is imported.
 */
export const statements: readonly string[] = [
  `ALTER TABLE hr_records ADD COLUMN raw_status TEXT`,
  `UPDATE hr_records SET raw_status = status`,
  `ALTER TABLE hr_imports ADD COLUMN file_rows INTEGER CHECK (file_rows IS NULL OR file_rows >= 0)`,
  `CREATE TABLE hr_mappings (
    file_name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
    mapping   TEXT NOT NULL CHECK (json_valid(mapping)),
    saved_at  TEXT NOT NULL
  ) STRICT`,
];
