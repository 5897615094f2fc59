import type { Refusal, ResultKind, StepOutcome } from './kill-switch-types';

export const RESULT_LABELS: Record<ResultKind, string> = {
  done: 'done',
  refused: 'refused',
  denied: 'denied',
  failed: 'failed',
};

export const RESULT_COLORS: Record<ResultKind, 'success' | 'warning' | 'danger' | 'important'> = {
  done: 'success',
  refused: 'warning',
  denied: 'danger',
  failed: 'danger',
};

export const STEP_LABELS: Record<StepOutcome['step'], string> = {
  disable: 'Disable',
  'reset-password': 'Random password',
  'remove-groups': 'Remove from groups',
  quarantine: 'Move to quarantine OU',
  stamp: 'Stamp description and info',
  'move-back': 'Move back',
  groups: 'Groups back',
  description: 'Description and info back',
  enable: 'Enable',
};

export const STEP_STATUS_LABELS: Record<StepOutcome['status'], string> = {
  applied: 'applied',
  'no-op': 'no-op',
  denied: 'denied',
  failed: 'failed',
  'not-attempted': 'not attempted',
};

export const GUARDRAIL_LABELS: Record<Refusal['guardrail'], string> = {
  krbtgt: 'krbtgt account',
  'built-in-administrator': 'built-in Administrator',
  'domain-controller': 'domain controller',
  'operator-account': 'the account bound as',
  'break-glass': 'break-glass list',
  'changed-since-containment': 'changed since its containment',
};

export const STATE_FIELD_LABELS: Record<string, string> = {
  dn: 'DN',
  enabled: 'Enabled',
  groups: 'Groups',
  description: 'Description',
  info: 'Info',
};

/** The counts of a report in one line, e.g. "3 accounts: 2 done, 1 refused". */
export function summaryLine(counts: Record<ResultKind, number>, cancelled: boolean): string {
  const total = counts.done + counts.refused + counts.denied + counts.failed;
  const parts = (Object.keys(RESULT_LABELS) as ResultKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind].toLocaleString()} ${RESULT_LABELS[kind]}`);
  const head = `${total.toLocaleString()} ${total === 1 ? 'account' : 'accounts'}`;
  return `${head}: ${parts.length === 0 ? 'none handled' : parts.join(', ')}${cancelled ? ' (stopped before the end)' : ''}.`;
}
