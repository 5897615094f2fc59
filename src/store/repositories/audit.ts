import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../canonical-json';
import type { Clock } from '../clock';
import { StoreError } from '../errors';
import { withImmediateTransaction } from '../immediate-transaction';
import type { AuditLogRow, WardenDatabase } from '../schema';

/** prev_hash of the first entry: the chain starts from a known value, not from nothing. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string;
  action: string;
  target?: string | null;
  reason?: string | null;
  /** Any JSON value: the state before the action. */
  before?: unknown;
  /** Any JSON value: the state after the action. */
  after?: unknown;
  result: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  result: string;
  prevHash: string;
  hash: string;
}

export type AuditChainCheck = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

export interface AuditRepository {
  /** Adds an entry at the end of the chain. Entries are never changed or removed. */
  append(input: AuditEntryInput): Promise<AuditEntry>;
  /** Entries in order, after `afterSeq` (exclusive), at most `limit` of them. */
  list(options?: { afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;
  /** Recomputes every hash: finds an entry changed, removed or inserted behind the application's back. */
  verifyChain(): Promise<AuditChainCheck>;
}

/** The part of an entry the hash covers: everything but its own position and hashes. */
type HashedFields = Pick<AuditEntry, 'at' | 'actor' | 'action' | 'target' | 'reason' | 'before' | 'after' | 'result'>;

/** hash = SHA-256(prev_hash + canonical JSON of the entry), hex. */
export function auditHash(prevHash: string, entry: HashedFields): string {
  const fields: HashedFields = {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    reason: entry.reason,
    before: entry.before,
    after: entry.after,
    result: entry.result,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export function auditRepository(db: Kysely<WardenDatabase>, clock: Clock): AuditRepository {
  return {
    async append(input) {
      const fields = hashedFields(input, clock().toISOString());
      return withImmediateTransaction(db, async (trx) => {
        const last = await trx
          .selectFrom('audit_log')
          .select('hash')
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
        const hash = auditHash(prevHash, fields);
        const row = await trx
          .insertInto('audit_log')
          .values({
            ...fields,
            before: jsonOrNull(fields.before),
            after: jsonOrNull(fields.after),
            prev_hash: prevHash,
            hash,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toEntry(row);
      });
    },

    async list(options = {}) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('seq');
      if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
      if (options.limit !== undefined) query = query.limit(options.limit);
      return (await query.execute()).map(toEntry);
    },

    async verifyChain() {
      let prevHash = AUDIT_GENESIS_HASH;
      let entries = 0;
      for await (const row of db.selectFrom('audit_log').selectAll().orderBy('seq').stream()) {
        const entry = toEntry(row);
        if (entry.prevHash !== prevHash)
          return { ok: false, seq: entry.seq, problem: 'does not follow the entry before it' };
        if (auditHash(prevHash, entry) !== entry.hash)
          return { ok: false, seq: entry.seq, problem: 'its content does not match its hash' };
        prevHash = entry.hash;
        entries += 1;
      }
      return { ok: true, entries };
    },
  };
}

function hashedFields(input: AuditEntryInput, at: string): HashedFields {
  for (const field of ['actor', 'action', 'result'] as const) {
    if (typeof input[field] !== 'string' || input[field].length === 0) {
      throw new StoreError('INVALID_DATA', `An audit entry needs a non-empty ${field}.`, { field });
    }
  }
  // Round-trip through canonical JSON now, so what is hashed is exactly what a later reader parses back.
  return {
    at,
    actor: input.actor,
    action: input.action,
    target: input.target ?? null,
    reason: input.reason ?? null,
    before: normalizeJson(input.before, 'before'),
    after: normalizeJson(input.after, 'after'),
    result: input.result,
  };
}

function normalizeJson(value: unknown, field: string): unknown {
  if (value === undefined) return null;
  try {
    return JSON.parse(canonicalJson(value)) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('INVALID_DATA', `The audit entry's ${field} value cannot be stored as JSON (${reason}).`, {
      field,
    });
  }
}

function jsonOrNull(value: unknown): string | null {
  return value === null ? null : canonicalJson(value);
}

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    reason: row.reason,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    result: row.result,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
