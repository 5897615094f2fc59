/**
 * The kill switch: contain accounts of the latest snapshot (disable, random
 * password, leave groups, quarantine OU, stamp), each step recorded in the
 * audit log, and undo a containment from what the log recorded.
 */
export { containAccounts, type ContainmentReport, type ContainmentRequest } from './contain';
export { planContainment, type AccountPlan, type ContainmentPlan } from './plan';
export { restoreAccounts, type RestoreReport, type RestoreRequest } from './restore';
export { selectAccounts, type AccountSelection, type SelectedAccount, type Selection } from './select-accounts';
export { checkBulkConfirmation } from './bulk-confirmation';
export { guardrailFor, type GuardrailContext, type GuardedAccount, type OperatorIdentity } from './guardrails';
export { breakGlassEntryFor } from './break-glass';
export { planContainmentSteps, primaryGroupNote, noStepAsked, type PlannedStep } from './plan-steps';
export { planRestore, type PlannedRestore } from './plan-restore';
export { stateDifferences } from './state-diff';
export { containmentHistory, type ContainmentHistory, type OpenContainment } from './containments';
export { readKillSwitchEntry, type KillSwitchEntry } from './audit-record';
export { KERBEROS_NOTE, PASSWORD_NOT_RESTORED_NOTE } from './notes';
export { countResults, type AccountProgress } from './results';
export { KillSwitchError, isKillSwitchError, type KillSwitchErrorCode } from './errors';
export type { KillSwitchCall, ContainmentCall } from './prepare';
export * from './record-schemas';
