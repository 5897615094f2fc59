/**
 * `managedBy` of accounts: the admin tools record the owner of a gMSA, sMSA
 * or dMSA there (their "Managed By" tab), not in `manager`. A DN, compared
 * without case as manager_dn is.
 */
export const statements: readonly string[] = [`ALTER TABLE accounts ADD COLUMN managed_by TEXT COLLATE NOCASE`];
