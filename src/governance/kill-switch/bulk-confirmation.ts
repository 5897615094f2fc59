import { KillSwitchError } from './errors';

/**
 * A bulk action (more than one account) goes ahead only when the caller
 * confirms the exact number selected: a filter that matches far more than
 * meant is caught before anything changes.
 */
export function checkBulkConfirmation(selected: number, confirmCount: number | undefined): void {
  if (selected <= 1) return;
  if (confirmCount === undefined) {
    throw new KillSwitchError(
      'CONFIRM_COUNT_REQUIRED',
      `This action selects ${selected} accounts: confirm that exact number to go ahead. Nothing was changed.`,
      { selected },
    );
  }
  if (confirmCount !== selected) {
    throw new KillSwitchError(
      'CONFIRM_COUNT_MISMATCH',
      `This action selects ${selected} accounts, but ${confirmCount} was confirmed: check the selection. Nothing was changed.`,
      { selected, confirmed: confirmCount },
    );
  }
}
