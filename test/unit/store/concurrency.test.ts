import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store';
import { expectStoreError, rawKey, tempStorePath, track } from './helpers';

describe('two connections to one store', () => {
  it('lets a reader read while a writer holds an open write transaction', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const writer = track(await openStore({ path, key, create: true }));
    await writer.profiles.save({ name: 'Before', host: 'dc1.corp.example', bindName: 'svc' });
    const reader = track(await openStore({ path, key, busyTimeoutMs: 5_000 }));

    await writer.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('connection_profiles')
        .values({
          id: '3f1d8a5e-6c3b-4f0e-9a7d-2b1c0e9f8a7b',
          name: 'During',
          domain: '',
          host: 'dc2.corp.example',
          port: null,
          transport: 'ldaps',
          allow_plain_ldap: 0,
          ca_pem: null,
          server_name: null,
          bind_name: 'svc',
          base_dn: null,
          created_at: '2025-01-01T00:00:00.000Z',
          updated_at: '2025-01-01T00:00:00.000Z',
        })
        .execute();

      const started = performance.now();
      const seen = await reader.profiles.list();
      // The reader sees the last committed state, at once, without waiting for the writer's lock.
      expect(seen.map((profile) => profile.name)).toEqual(['Before']);
      // Well under the 5 s busy timeout a blocked reader would wait for.
      expect(performance.now() - started).toBeLessThan(3_000);
    });

    expect((await reader.profiles.list()).map((profile) => profile.name)).toEqual(['Before', 'During']);
  });

  it('reports a second writer that cannot get the lock in time as LOCKED', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const first = track(await openStore({ path, key, create: true }));
    const second = track(await openStore({ path, key, busyTimeoutMs: 50 }));

    await first.db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'theme', value: '"dark"' }).execute();
      await expectStoreError(second.settings.update({ theme: 'light' }), 'LOCKED');
    });
    expect(await second.settings.update({ theme: 'light' })).toMatchObject({ theme: 'light' });
  });
});
