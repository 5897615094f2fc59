import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, openStore } from '../../../src/store';
import { expectStoreError, rawKey, tempStorePath, track } from './helpers';

describe('settings', () => {
  it('starts from the defaults', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    expect(await store.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ theme: 'system', fuzzyNameThreshold: 0.92 });
  });

  it('saves changes and keeps them across a reopen', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const store = await openStore({ path, key, create: true });
    expect(await store.settings.update({ theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await store.settings.update({})).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await store.close();
    const reopened = track(await openStore({ path, key }));
    expect(await reopened.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await reopened.settings.update({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('refuses invalid changes', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    await expectStoreError(store.settings.update({ theme: 'neon' } as never), 'INVALID_DATA');
    await expectStoreError(store.settings.update({ fontSize: 3 } as never), 'INVALID_DATA');
    await expectStoreError(store.settings.update({ fuzzyNameThreshold: 1.5 }), 'INVALID_DATA');
    expect(await store.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a damaged saved setting clearly, and lets it be repaired by saving it again', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    await sql`INSERT INTO settings (key, value) VALUES ('theme', '"sepia"')`.execute(store.db);
    const error = await expectStoreError(store.settings.get(), 'INVALID_DATA');
    expect(error.message).toMatch(/saved settings are damaged/);
    expect(error.details).toMatchObject({ keys: ['theme'] });
    expect(await store.settings.update({ theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });

  it('ignores settings this version does not know', async () => {
    const store = track(await openStore({ path: tempStorePath(), key: rawKey(), create: true }));
    await sql`INSERT INTO settings (key, value) VALUES ('fromTheFuture', '42')`.execute(store.db);
    expect(await store.settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
