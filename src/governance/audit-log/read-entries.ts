import type { AuditEntry, Store } from '../../store';

const PAGE = 1_000;

/** Every audit entry in order, a page at a time: the log grows for ever and is never held whole. */
export async function* auditEntries(store: Store, afterSeq = 0): AsyncGenerator<AuditEntry, void, undefined> {
  let after = afterSeq;
  while (true) {
    const page = await store.audit.list({ afterSeq: after, limit: PAGE });
    yield* page;
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) return;
    after = last.seq;
  }
}
