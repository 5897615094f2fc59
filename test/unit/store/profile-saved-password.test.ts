import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/store';
import { expectStoreError, plaintextHits, rawKey, tempStorePath, track } from './helpers';

const SECRET = 'ZQXSECRET-bind-password-7731';
const OTHER_SECRET = 'ZQXSECRET-second-password-4410';
const base = { name: 'Corp', host: 'dc1.corp.example', bindName: 'svc-warden@corp.example' };
const identity = { host: base.host, bindName: base.bindName };

async function newStore(path = tempStorePath()): Promise<Store> {
  return track(await openStore({ path, key: rawKey(), create: true }));
}

/** Everything a profile read hands out, as text: the secret must be nowhere in it. */
async function readPaths(store: Store, id: string): Promise<string> {
  return JSON.stringify([await store.profiles.list(), await store.profiles.get(id)]);
}

async function passwordAudit(store: Store) {
  return (await store.audit.list()).filter((entry) => entry.action.startsWith('profile.password.'));
}

describe('a saved bind password', () => {
  it('is not saved unless asked for', async () => {
    const store = await newStore();
    const saved = await store.profiles.save(base);
    expect(saved.hasSavedPassword).toBe(false);
    expect(await store.profiles.savedPassword(saved.id, identity)).toBeUndefined();
    await expectStoreError(store.profiles.save({ ...base, id: saved.id, password: SECRET }), 'INVALID_DATA').then(
      (error) => expect(error.message).toMatch(/only sent with a profile to be saved/),
    );
    await expectStoreError(store.profiles.save({ ...base, id: saved.id, savePassword: true }), 'BIND_PASSWORD_MISSING');
    expect(await passwordAudit(store)).toEqual([]);
  });

  it('is saved on request, shown only as hasSavedPassword, and handed out only to the core', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    expect(saved.hasSavedPassword).toBe(true);
    expect(await store.profiles.get(saved.id)).toMatchObject({ hasSavedPassword: true });
    expect(await store.profiles.list()).toMatchObject([{ id: saved.id, hasSavedPassword: true }]);
    expect(await readPaths(store, saved.id)).not.toContain(SECRET);
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    expect(await store.profiles.savedPassword(saved.id, identity)).toBe(SECRET);
    // Names compare as DNS and AD do.
    expect(
      await store.profiles.savedPassword(saved.id, { host: 'DC1.Corp.Example', bindName: 'SVC-warden@corp.example' }),
    ).toBe(SECRET);
    // Never for another server or account, even when asked by id.
    expect(await store.profiles.savedPassword(saved.id, { ...identity, host: 'evil.example' })).toBeUndefined();
    expect(await store.profiles.savedPassword(saved.id, { ...identity, bindName: 'administrator' })).toBeUndefined();
  });

  it('stays when other fields change, and is forgotten on request', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    const renamed = await store.profiles.save({ ...base, id: saved.id, name: 'Corp prod', baseDn: 'DC=corp' });
    expect(renamed.hasSavedPassword).toBe(true);
    const kept = await store.profiles.save({ ...base, id: saved.id, savePassword: true });
    expect(kept.hasSavedPassword).toBe(true);
    expect(await store.profiles.savedPassword(saved.id, identity)).toBe(SECRET);

    const replaced = await store.profiles.save({ ...base, id: saved.id, savePassword: true, password: OTHER_SECRET });
    expect(replaced.hasSavedPassword).toBe(true);
    expect(await store.profiles.savedPassword(saved.id, identity)).toBe(OTHER_SECRET);

    const forgotten = await store.profiles.save({ ...base, id: saved.id, savePassword: false });
    expect(forgotten.hasSavedPassword).toBe(false);
    expect(await store.profiles.get(saved.id)).toMatchObject({ hasSavedPassword: false });
    expect(await store.profiles.savedPassword(saved.id, identity)).toBeUndefined();
  });

  it.each([
    ['host', { host: 'dc2.corp.example' }],
    ['bind name', { bindName: 'other@corp.example' }],
  ])('is forgotten when the %s changes without it being entered again', async (_label, change) => {
    const store = await newStore();
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    // Asking to keep it for the new server or account, without giving it, is refused and changes nothing.
    await expectStoreError(
      store.profiles.save({ ...base, ...change, id: saved.id, savePassword: true }),
      'BIND_PASSWORD_MISSING',
    ).then((error) => expect(error.message).toMatch(/never sent to another server or account/));
    expect(await store.profiles.get(saved.id)).toMatchObject({ ...identity, hasSavedPassword: true });

    const moved = await store.profiles.save({ ...base, ...change, id: saved.id });
    expect(moved.hasSavedPassword).toBe(false);
    expect(await store.profiles.savedPassword(saved.id, identity)).toBeUndefined();
    expect(await store.profiles.savedPassword(saved.id, { ...identity, ...change })).toBeUndefined();
    expect(await passwordAudit(store)).toMatchObject([
      { action: 'profile.password.saved', target: saved.id },
      { action: 'profile.password.cleared', target: saved.id, reason: 'host-or-bind-name-changed' },
    ]);

    const resaved = await store.profiles.save({
      ...base,
      ...change,
      id: saved.id,
      savePassword: true,
      password: SECRET,
    });
    expect(resaved.hasSavedPassword).toBe(true);
    expect(await store.profiles.savedPassword(saved.id, { ...identity, ...change })).toBe(SECRET);
  });

  it('is deleted with its profile', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    expect(await store.profiles.delete(saved.id)).toBe(true);
    expect(await store.profiles.savedPassword(saved.id, identity)).toBeUndefined();
    const rows = await sql<{ count: number }>`SELECT count(*) AS count FROM profile_saved_passwords`.execute(store.db);
    expect(rows.rows).toEqual([{ count: 0 }]);
    expect((await passwordAudit(store)).at(-1)).toMatchObject({
      action: 'profile.password.cleared',
      target: saved.id,
      reason: 'profile-deleted',
    });
  });

  it('is audited when saved and cleared, never with the secret', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    await store.profiles.save({ ...base, id: saved.id, savePassword: false });
    // Forgetting what is not saved is not an event.
    await store.profiles.save({ ...base, id: saved.id, savePassword: false });
    const entries = await passwordAudit(store);
    expect(entries).toMatchObject([
      {
        action: 'profile.password.saved',
        target: saved.id,
        after: { profile: 'Corp', host: base.host, bindName: base.bindName },
        result: 'ok',
      },
      { action: 'profile.password.cleared', target: saved.id, reason: 'forgotten' },
    ]);
    expect(entries[0]?.actor).not.toBe('');
    expect(JSON.stringify(await store.audit.list())).not.toContain(SECRET);
    expect(await store.audit.verifyChain()).toEqual({ ok: true, entries: 2 });
  });

  it('is never written in clear to the database or its WAL', async () => {
    const path = tempStorePath();
    const store = await newStore(path);
    const saved = await store.profiles.save({ ...base, savePassword: true, password: SECRET });
    expect(plaintextHits(path, [SECRET])).toEqual([]);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    await store.profiles.save({ ...base, id: saved.id, savePassword: true, password: OTHER_SECRET });
    expect(plaintextHits(path, [SECRET, OTHER_SECRET])).toEqual([]);
    await store.close();
    expect(plaintextHits(path, [SECRET, OTHER_SECRET])).toEqual([]);
  });
});
