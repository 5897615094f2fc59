import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/store';
import { expectStoreError, rawKey, tempStorePath, track } from './helpers';

let tick = 0;
const clock = (): Date => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++));

async function newStore(): Promise<Store> {
  return track(await openStore({ path: tempStorePath(), key: rawKey(), create: true, clock }));
}

describe('connection profiles', () => {
  it('creates a profile with defaults and reads it back', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ name: ' Corp ', host: 'dc1.corp.example', bindName: 'svc-warden' });
    expect(saved).toMatchObject({
      name: 'Corp',
      domain: '',
      host: 'dc1.corp.example',
      transport: 'ldaps',
      allowPlainLdap: false,
      bindName: 'svc-warden',
    });
    expect(saved).not.toHaveProperty('port');
    expect(saved.createdAt).toBe(saved.updatedAt);
    expect(await store.profiles.get(saved.id)).toEqual(saved);
    expect(await store.profiles.get('3f1d8a5e-6c3b-4f0e-9a7d-2b1c0e9f8a7b')).toBeUndefined();
  });

  it('keeps every optional field', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({
      name: 'Lab',
      domain: 'lab.example',
      host: '10.0.0.5',
      port: 389,
      transport: 'ldap',
      allowPlainLdap: true,
      caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      serverName: 'dc1.lab.example',
      bindName: 'LAB\\warden',
      baseDn: 'DC=lab,DC=example',
    });
    expect(await store.profiles.get(saved.id)).toEqual(saved);
    expect(saved).toMatchObject({ port: 389, transport: 'ldap', allowPlainLdap: true, baseDn: 'DC=lab,DC=example' });
  });

  it('lists profiles by name, ignoring case', async () => {
    const store = await newStore();
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo']) {
      await store.profiles.save({ name, host: 'dc.example', bindName: 'svc' });
    }
    expect((await store.profiles.list()).map((profile) => profile.name)).toEqual([
      'Alpha',
      'Bravo',
      'charlie',
      'delta',
    ]);
  });

  it('updates a profile in place when its id is given', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example', bindName: 'svc', port: 636 });
    const updated = await store.profiles.save({
      id: saved.id,
      name: 'Corp HQ',
      host: 'dc2.corp.example',
      bindName: 'svc',
    });
    expect(updated).toMatchObject({
      id: saved.id,
      name: 'Corp HQ',
      host: 'dc2.corp.example',
      createdAt: saved.createdAt,
    });
    expect(updated).not.toHaveProperty('port');
    expect(updated.updatedAt > saved.updatedAt).toBe(true);
    expect(await store.profiles.list()).toEqual([updated]);
  });

  it('refuses a second profile with the same name, naming it', async () => {
    const store = await newStore();
    const first = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example', bindName: 'svc' });
    const error = await expectStoreError(
      store.profiles.save({ name: 'CORP', host: 'dc2.corp.example', bindName: 'svc' }),
      'DUPLICATE_PROFILE_NAME',
    );
    expect(error.message).toContain('"Corp"');
    expect(error.details).toMatchObject({ name: 'Corp', existingId: first.id });

    const other = await store.profiles.save({ name: 'Lab', host: 'dc.lab.example', bindName: 'svc' });
    await expectStoreError(
      store.profiles.save({ id: other.id, name: 'corp', host: 'dc.lab.example', bindName: 'svc' }),
      'DUPLICATE_PROFILE_NAME',
    );
    expect((await store.profiles.list()).map((profile) => profile.name)).toEqual(['Corp', 'Lab']);
  });

  it('refuses to update a profile that does not exist', async () => {
    const store = await newStore();
    await expectStoreError(
      store.profiles.save({
        id: '3f1d8a5e-6c3b-4f0e-9a7d-2b1c0e9f8a7b',
        name: 'Ghost',
        host: 'dc.example',
        bindName: 'svc',
      }),
      'PROFILE_NOT_FOUND',
    );
  });

  it('refuses invalid input with the reasons', async () => {
    const store = await newStore();
    const error = await expectStoreError(
      store.profiles.save({ name: '', host: 'bad host!', bindName: 'svc' }),
      'INVALID_DATA',
    );
    expect(error.message).toMatch(/name/);
    expect(error.message).toMatch(/host/);
  });

  it('deletes a profile and says whether it did', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example', bindName: 'svc' });
    expect(await store.profiles.delete(saved.id)).toBe(true);
    expect(await store.profiles.delete(saved.id)).toBe(false);
    expect(await store.profiles.list()).toEqual([]);
  });

  it('detaches snapshots from a deleted profile instead of losing them', async () => {
    const store = await newStore();
    const saved = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example', bindName: 'svc' });
    await store.db
      .insertInto('snapshots')
      .values({
        id: 'snap-1',
        profile_id: saved.id,
        source_kind: 'ldap',
        started_at: '2025-01-01T00:00:00.000Z',
        status: 'complete',
      })
      .execute();
    await store.profiles.delete(saved.id);
    const snapshot = await store.db.selectFrom('snapshots').selectAll().executeTakeFirstOrThrow();
    expect(snapshot.profile_id).toBeNull();
  });
});
