import type { AuditEntry, Store } from '../../store';
import { AuditLogError } from './errors';
import { auditEntries } from './read-entries';

export interface AuditLogQuery {
  /** An action (`kill-switch.contain`) or a family of them (`kill-switch`). */
  action?: string;
  /** Part of the target (a DN), or an objectGUID, sAMAccountName or SID recorded in the entry's state. */
  target?: string;
  /** ISO date or time: entries from then on. */
  since?: string;
  /** Paging: entries after this seq. */
  afterSeq?: number;
  /** At most this many entries. */
  limit?: number;
}

export interface AuditLogPage {
  entries: AuditEntry[];
  /** Pass as afterSeq for the next page; null on the last page. */
  nextAfterSeq: number | null;
}

/** ISO text as a time, or a usage mistake named as such. */
export function parseSince(since: string): string {
  const time = Date.parse(since);
  if (Number.isNaN(time)) {
    throw new AuditLogError(
      'INVALID_SINCE',
      `"${since}" is not an ISO date or time, e.g. 2025-03-01 or 2025-03-01T09:00:00Z.`,
      {
        since,
      },
    );
  }
  return new Date(time).toISOString();
}

const IDENTITY_FIELDS = ['objectGuid', 'samAccountName', 'sid', 'userPrincipalName'] as const;

function recordedIdentities(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  return IDENTITY_FIELDS.map((field) => record[field]).filter((item): item is string => typeof item === 'string');
}

function matchesTarget(entry: AuditEntry, target: string): boolean {
  const wanted = target.trim().toLowerCase();
  if (entry.target?.toLowerCase().includes(wanted) === true) return true;
  return [...recordedIdentities(entry.before), ...recordedIdentities(entry.after)].some(
    (identity) => identity.toLowerCase() === wanted,
  );
}

function matchesAction(entry: AuditEntry, action: string): boolean {
  return entry.action === action || entry.action.startsWith(`${action}.`);
}

/** One page of the audit log, oldest first, filtered by action, target and time. */
export async function listAuditLog(store: Store, query: AuditLogQuery = {}): Promise<AuditLogPage> {
  const since = query.since === undefined ? undefined : Date.parse(parseSince(query.since));
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const entries: AuditEntry[] = [];
  for await (const entry of auditEntries(store, query.afterSeq ?? 0)) {
    if (query.action !== undefined && !matchesAction(entry, query.action)) continue;
    if (query.target !== undefined && !matchesTarget(entry, query.target)) continue;
    if (since !== undefined && Date.parse(entry.at) < since) continue;
    if (entries.length === limit) return { entries, nextAfterSeq: entries.at(-1)?.seq ?? null };
    entries.push(entry);
  }
  return { entries, nextAfterSeq: null };
}
