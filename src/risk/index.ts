export { assess, completeSnapshot, type Assessment, type AssessOptions } from './assess';
export {
  assessAccounts,
  type AccountAssessment,
  type AssessmentData,
  type PrivilegedPathView,
} from './assess-accounts';
export { parseAccountFilter, type AccountPredicate } from './account-filter';
export { resolveAccountReferences } from './account-references';
export { ANOMALY_KINDS, type Anomaly, type AnomalyKind } from './anomalies';
export { compilePolicy } from './compiled-policy';
export {
  currentPolicy,
  defaultPolicy,
  givenPolicy,
  parsePolicy,
  policyHash,
  readPolicyFile,
  resetPolicy,
  savePolicy,
  type PolicyInForce,
} from './policy';
export { RiskPolicySchema, type RiskPolicy } from './policy-schema';
export { RiskError, type RiskErrorCode } from './risk-errors';
export { RULES, RULE_IDS, type RiskRule } from './rules';
export { earlierSnapshots } from './same-source';
export { usageHistory, USAGE_HISTORY_POINTS, type UsagePoint } from './usage-history';
export { DORMANCY_BUCKETS, summarize, type RiskSummary } from './summary';
export * from './vocabulary';
