import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, openStore, type Store } from '../../../src/store';
import { canonicalJson } from '../../../src/store/canonical-json';
import { expectStoreError, rawKey, tempStorePath, track } from './helpers';

const run = promisify(execFile);

let tick = 0;
const clock = (): Date => new Date(Date.UTC(2025, 0, 1, 12, 0, tick++));

async function storeWithEntries(): Promise<Store> {
  const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true, clock }));
  await store.audit.append({
    actor: 'alice',
    action: 'profile.create',
    target: 'Corp',
    result: 'ok',
    after: { host: 'dc1' },
  });
  await store.audit.append({
    actor: 'bob',
    action: 'account.disable',
    target: 'svc-old',
    reason: 'CHG-1',
    before: { enabled: true, groups: ['A', 'B'] },
    after: { enabled: false, groups: ['A', 'B'] },
    result: 'ok',
  });
  await store.audit.append({ actor: 'bob', action: 'account.disable', target: 'svc-gone', result: 'failed' });
  return store;
}

describe('audit log', () => {
  it('links every entry to the one before it by SHA-256 over the previous hash and the entry', async () => {
    const store = await storeWithEntries();
    const entries = await store.audit.list();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    for (const [index, entry] of entries.entries()) {
      if (index > 0) expect(entry.prevHash).toBe(entries[index - 1]?.hash);
      const { at, actor, action, target, reason, before, after, result } = entry;
      const expected = createHash('sha256')
        .update(entry.prevHash + canonicalJson({ at, actor, action, target, reason, before, after, result }))
        .digest('hex');
      expect(entry.hash).toBe(expected);
    }
    expect(entries[1]).toMatchObject({
      reason: 'CHG-1',
      before: { enabled: true, groups: ['A', 'B'] },
      at: '2025-01-01T12:00:01.000Z',
    });
    expect(await store.audit.verifyChain()).toEqual({ ok: true, entries: 3 });
  });

  it('hashes the same content the same way whatever order its keys were given in', async () => {
    const first = track(
      await openStore({ path: tempStorePath(), key: rawKey(), create: true, clock: () => new Date(0) }),
    );
    const second = track(
      await openStore({ path: tempStorePath(), key: rawKey(), create: true, clock: () => new Date(0) }),
    );
    const a = await first.audit.append({ actor: 'a', action: 'x', result: 'ok', after: { b: 1, a: { d: 2, c: 3 } } });
    const b = await second.audit.append({ actor: 'a', action: 'x', result: 'ok', after: { a: { c: 3, d: 2 }, b: 1 } });
    expect(a.hash).toBe(b.hash);
  });

  it('refuses to change an entry', async () => {
    const store = await storeWithEntries();
    await expectStoreError(
      sql`UPDATE audit_log SET result = 'ok' WHERE seq = 3`.execute(store.db),
      'AUDIT_APPEND_ONLY',
    );
    expect((await store.audit.list())[2]?.result).toBe('failed');
  });

  it('refuses to remove an entry', async () => {
    const store = await storeWithEntries();
    await expectStoreError(sql`DELETE FROM audit_log WHERE seq = 2`.execute(store.db), 'AUDIT_APPEND_ONLY');
    await expectStoreError(store.db.deleteFrom('audit_log').execute(), 'AUDIT_APPEND_ONLY');
    expect(await store.audit.list()).toHaveLength(3);
  });

  it('finds an entry changed behind the triggers’ back', async () => {
    const store = await storeWithEntries();
    await sql`DROP TRIGGER audit_log_no_update`.execute(store.db);
    await sql`UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 2`.execute(store.db);
    expect(await store.audit.verifyChain()).toMatchObject({ ok: false, seq: 2 });
  });

  it('pages through entries', async () => {
    const store = await storeWithEntries();
    expect((await store.audit.list({ afterSeq: 1, limit: 1 })).map((entry) => entry.seq)).toEqual([2]);
  });

  it('refuses entries that cannot be recorded faithfully', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    await expectStoreError(store.audit.append({ actor: '', action: 'x', result: 'ok' }), 'INVALID_DATA');
    await expectStoreError(
      store.audit.append({ actor: 'a', action: 'x', result: 'ok', after: { n: Number.NaN } }),
      'INVALID_DATA',
    );
    await expectStoreError(
      store.audit.append({ actor: 'a', action: 'x', result: 'ok', after: { n: 1n } }),
      'INVALID_DATA',
    );
    expect(await store.audit.list()).toEqual([]);
  });

  it('keeps one chain when other processes append at the same time', async () => {
    const path = tempStorePath();
    const key = rawKey();
    track(await openStore({ path, key, create: true }));
    const appender = fileURLToPath(new URL('./audit-appender.process.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    await Promise.all(
      ['first', 'second', 'third'].map((actor) =>
        run(process.execPath, ['--import', 'tsx', appender, path, key.key.toString('hex'), '100', actor, '3'], {
          cwd: root,
        }),
      ),
    );
    const reader = track(await openStore({ path, key }));
    expect(await reader.audit.verifyChain()).toEqual({ ok: true, entries: 300 });
    const actors = new Set((await reader.audit.list()).map((entry) => entry.actor));
    expect(actors).toEqual(new Set(['first', 'second', 'third']));
    // The appends did overlap: the chain switches between writers more than twice.
    const writers = (await reader.audit.list()).map((entry) => entry.actor);
    expect(writers.filter((writer, index) => index > 0 && writer !== writers[index - 1]).length).toBeGreaterThan(2);
  }, 60_000);

  it('keeps one chain when two connections append in turn', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const first = track(await openStore({ path, key, create: true }));
    const second = track(await openStore({ path, key }));
    for (let index = 0; index < 10; index++) {
      await (index % 2 === 0 ? first : second).audit.append({ actor: 'a', action: `step-${index}`, result: 'ok' });
    }
    expect(await first.audit.verifyChain()).toEqual({ ok: true, entries: 10 });
    expect(await second.audit.verifyChain()).toEqual({ ok: true, entries: 10 });
  });
});
