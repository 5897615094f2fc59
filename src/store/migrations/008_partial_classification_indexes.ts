/**
 * Risk tier, owner and the NHI flag are filled in after a scan, so every row
 * a scan writes has them empty, yet each of their indexes took an entry per
 * row, on every scan and every incremental copy. Indexing only the rows that
 * have a value keeps the lookups (an equality on the column implies it is not
 * null) and drops that cost. The type index stays whole: counting accounts by
 * type reads it for the empty ones too.
 */
export const statements: readonly string[] = [
  `DROP INDEX accounts_by_risk_tier`,
  `CREATE INDEX accounts_by_risk_tier ON accounts (snapshot_id, risk_tier, risk_score) WHERE risk_tier IS NOT NULL`,
  `DROP INDEX accounts_by_owner`,
  `CREATE INDEX accounts_by_owner ON accounts (snapshot_id, owner) WHERE owner IS NOT NULL`,
  `DROP INDEX accounts_by_is_nhi`,
  `CREATE INDEX accounts_by_is_nhi ON accounts (snapshot_id, is_nhi) WHERE is_nhi IS NOT NULL`,
];
