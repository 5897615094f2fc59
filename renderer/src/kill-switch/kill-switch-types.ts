import type { OperationInput, OperationOutput, ProgressOf } from '../api/contract-types';

/** The kill switch contract's shapes as the renderer uses them, all read off the operations. */
export type ContainmentPlan = OperationOutput<'planContainment'>;
export type PlannedAccount = ContainmentPlan['accounts'][number];
export type AccountState = NonNullable<PlannedAccount['state']>;
export type Refusal = NonNullable<PlannedAccount['refusal']>;
export type ContainmentReport = OperationOutput<'containAccounts'>;
export type RestoreReport = OperationOutput<'restoreAccounts'>;
export type AccountResult = ContainmentReport['results'][number];
export type ResultKind = AccountResult['result'];
export type StepOutcome = AccountResult['steps'][number];
export type AccountProgress = ProgressOf<'containAccounts'>;
export type ContainmentStepsInput = NonNullable<OperationInput<'planContainment'>['steps']>;
export type AuditLogPage = OperationOutput<'listAuditLog'>;
export type AuditEntry = AuditLogPage['entries'][number];
export type AuditVerification = OperationOutput<'verifyAuditLog'>;

/** The accounts an action is about: by objectGUID and/or a filter expression of the latest snapshot. */
export interface ContainmentSelection {
  objectGuids?: string[];
  filter?: string;
}

export const CONTAIN_ACTION = 'kill-switch.contain';
export const RESTORE_ACTION = 'kill-switch.restore';
