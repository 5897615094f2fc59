import { KillSwitchError } from './errors';

/** Every action is recorded with why it was taken; a blank reason is no reason. */
export function requireReason(reason: string | undefined): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') {
    throw new KillSwitchError('REASON_REQUIRED', 'Give a reason: it goes into the audit log and onto the account.');
  }
  return trimmed;
}
