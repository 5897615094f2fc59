import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listAuditLog, verifyAuditLog } from '../../../src/governance';
import { openStore, type Store } from '../../../src/store';
import { runCli } from '../cli/cli-harness';
import { passphraseKey, tempStorePath, track } from '../store/helpers';
import { accountState } from './fixtures';

const PASSPHRASE = 'audit log passphrase';
let tick = 0;
const clock = (): Date => new Date(Date.UTC(2025, 2, 1, 9, 0, tick++));

async function storeWithEntries(path = tempStorePath()): Promise<Store> {
  tick = 0;
  const store = track(await openStore({ path, key: passphraseKey(PASSPHRASE), create: true, clock }));
  const batch = accountState();
  const other = accountState({ samAccountName: 'svc-other', objectGuid: '11111111-2222-3333-4444-555555555555' });
  await store.audit.append({ actor: 'alice', action: 'policy.save', result: 'ok' });
  for (const account of [batch, other, batch]) {
    await store.audit.append({
      actor: 'alice as hd',
      action: 'kill-switch.contain',
      target: account.dn,
      reason: 'INC-42',
      before: account,
      after: { objectGuid: account.objectGuid },
      result: 'done',
    });
  }
  await store.audit.append({
    actor: 'bob as admin',
    action: 'kill-switch.restore',
    target: batch.dn,
    before: batch,
    result: 'done',
  });
  return store;
}

describe('listing the audit log', () => {
  it('filters by action or family, target (part of the DN, or a recorded GUID/name) and time', async () => {
    const store = await storeWithEntries();
    const seqs = async (query: Parameters<typeof listAuditLog>[1]) =>
      (await listAuditLog(store, query)).entries.map((entry) => entry.seq);
    expect(await seqs({})).toEqual([1, 2, 3, 4, 5]);
    expect(await seqs({ action: 'kill-switch' })).toEqual([2, 3, 4, 5]);
    expect(await seqs({ action: 'kill-switch.restore' })).toEqual([5]);
    expect(await seqs({ action: 'kill' })).toEqual([]);
    expect(await seqs({ target: 'cn=svc-other' })).toEqual([3]);
    expect(await seqs({ target: 'SVC-BATCH' })).toEqual([2, 4, 5]);
    expect(await seqs({ target: '11111111-2222-3333-4444-555555555555' })).toEqual([3]);
    expect(await seqs({ since: '2025-03-01T09:00:03Z' })).toEqual([4, 5]);
    await expect(listAuditLog(store, { since: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_SINCE' });
  });

  it('pages with afterSeq', async () => {
    const store = await storeWithEntries();
    const first = await listAuditLog(store, { action: 'kill-switch', limit: 2 });
    expect(first.entries.map((entry) => entry.seq)).toEqual([2, 3]);
    expect(first.nextAfterSeq).toBe(3);
    const second = await listAuditLog(store, { action: 'kill-switch', limit: 2, afterSeq: 3 });
    expect(second).toMatchObject({ nextAfterSeq: null });
    expect(second.entries.map((entry) => entry.seq)).toEqual([4, 5]);
  });
});

describe('verifying the audit log', () => {
  it('names the first entry changed behind the store’s back', async () => {
    const store = await storeWithEntries();
    expect(await verifyAuditLog(store)).toMatchObject({ ok: true, entries: 5 });
    await sql`DROP TRIGGER audit_log_no_update`.execute(store.db);
    await store.db.updateTable('audit_log').set({ result: 'refused' }).where('seq', '=', 4).execute();
    expect(await verifyAuditLog(store)).toMatchObject({
      ok: false,
      seq: 4,
      problem: 'its content does not match its hash',
      entry: { action: 'kill-switch.contain', actor: 'alice as hd' },
    });
  });

  it('names the entry after one removed', async () => {
    const store = await storeWithEntries();
    await sql`DROP TRIGGER audit_log_no_delete`.execute(store.db);
    await store.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    expect(await verifyAuditLog(store)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'does not follow the entry before it',
    });
  });
});

describe('warden audit', () => {
  it('lists with filters as text or JSON, and verify exits 1 on a broken chain', async () => {
    const path = tempStorePath();
    const store = await storeWithEntries(path);
    const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE };

    const text = await runCli(['audit', 'list', '--db', path, '--action', 'kill-switch.restore'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^#5 {2}2025-03-01T09:00:04.000Z {2}kill-switch.restore {2}done {2}CN=svc-batch,/);
    expect(text.stdout).toContain('1 entry');
    const json = await runCli(['audit', 'list', '--db', path, '--target', 'svc-other', '--json'], env);
    expect((JSON.parse(json.stdout) as { seq: number }[]).map((entry) => entry.seq)).toEqual([3]);
    const bad = await runCli(['audit', 'list', '--db', path, '--since', 'last week'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');

    expect((await runCli(['audit', 'verify', '--db', path], env)).stdout).toMatch(/intact: 5 entries/);
    await sql`DROP TRIGGER audit_log_no_update`.execute(store.db);
    await store.db.updateTable('audit_log').set({ reason: 'nothing to see' }).where('seq', '=', 2).execute();
    const broken = await runCli(['audit', 'verify', '--db', path], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/entry #2 its content does not match its hash/);
  });

  it('disable and restore refuse a command line without what they need, before asking for any password', async () => {
    const path = tempStorePath();
    await storeWithEntries(path);
    const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE };
    const noReason = await runCli(['disable', 'svc-batch', '--db', path], env);
    expect(noReason).toMatchObject({ code: 2 });
    expect(noReason.stderr).toContain('--reason TEXT is required');
    const noAccount = await runCli(['disable', '--reason', 'x', '--db', path], env);
    expect(noAccount.stderr).toContain('name at least one ACCOUNT');
    const badCount = await runCli(['disable', 'a', 'b', '--reason', 'x', '--confirm-count', 'two', '--db', path], env);
    expect(badCount.stderr).toContain('--confirm-count "two"');
    const noSnapshot = await runCli(['disable', 'svc-batch', '--reason', 'x', '--db', path], env);
    expect(noSnapshot.code).toBe(1);
    expect(noSnapshot.stderr).toContain('NO_SNAPSHOT');
    expect((await runCli(['restore', '--db', path], env)).stderr).toContain('name at least one ACCOUNT');
  });
});
