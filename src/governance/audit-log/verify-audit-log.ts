import type { Store } from '../../store';

export type AuditVerification =
  | { ok: true; entries: number; message: string }
  | {
      ok: false;
      /** The first entry that does not check out. */
      seq: number;
      problem: string;
      message: string;
      /** What the entry says, as stored now (it may be the tampered part). */
      entry: { at: string; actor: string; action: string; target: string | null } | null;
    };

/**
 * Recomputes the hash chain of the whole audit log. Any entry changed,
 * removed or slipped in behind Warden's back breaks the chain at or right
 * after it, and the first break is named.
 */
export async function verifyAuditLog(store: Store): Promise<AuditVerification> {
  const check = await store.audit.verifyChain();
  if (check.ok) {
    return {
      ok: true,
      entries: check.entries,
      message: `The audit log is intact: ${check.entries} entr${check.entries === 1 ? 'y' : 'ies'}, every hash checks out.`,
    };
  }
  const [stored] = await store.audit.list({ afterSeq: check.seq - 1, limit: 1 });
  const entry =
    stored?.seq === check.seq
      ? { at: stored.at, actor: stored.actor, action: stored.action, target: stored.target }
      : null;
  return {
    ok: false,
    seq: check.seq,
    problem: check.problem,
    message: `The audit log was altered: entry #${check.seq} ${check.problem}. Entries from #${check.seq} on cannot be trusted.`,
    entry,
  };
}
