import { CONTAIN_ACTION, RESTORE_ACTION, type AccountState, type AuditEntry } from './kill-switch-types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The `before` of a kill-switch entry, when it holds an account state (a refusal before reading holds none). */
export function asAccountState(value: unknown): AccountState | undefined {
  if (!isRecord(value)) return undefined;
  const { objectGuid, dn, enabled, groups } = value;
  if (typeof objectGuid !== 'string' || typeof dn !== 'string' || typeof enabled !== 'boolean') return undefined;
  if (!Array.isArray(groups)) return undefined;
  // Written by the core after checking it against the same schema, and read back from its own log.
  return value as unknown as AccountState;
}

/**
 * The containments a restore would undo: those after the account's last
 * restore that acted on it. Two in a row undo together, back to the state
 * before the first, which is the one to show.
 */
export function openContainments(entries: AuditEntry[]): AuditEntry[] {
  const lastRestore = entries.findLastIndex((entry) => entry.action === RESTORE_ACTION && entry.result === 'done');
  return entries
    .slice(lastRestore + 1)
    .filter((entry) => entry.action === CONTAIN_ACTION && entry.result !== 'refused' && entry.before !== null);
}

/** The account a kill-switch entry is about, as its recorded outcome names it. */
export function entryObjectGuid(entry: AuditEntry): string | undefined {
  const after = entry.after;
  return isRecord(after) && typeof after['objectGuid'] === 'string' ? after['objectGuid'] : undefined;
}
