import { closeSync, openSync, readSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore, rekeyStore, type StoreKey } from '../../../src/store';
import { expectStoreError, passphraseKey, rawKey, tempStorePath, track } from './helpers';

function salt(path: string): Buffer {
  const buffer = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

async function rekeyAndCheck(oldKey: StoreKey, newKey: StoreKey): Promise<void> {
  const path = tempStorePath();
  const store = await openStore({ path, key: oldKey, create: true });
  const profile = await store.profiles.save({ name: 'Corp', host: 'dc1.corp.example', bindName: 'svc-warden' });
  await store.audit.append({ actor: 'admin', action: 'profile.create', target: profile.id, result: 'ok' });
  const saltBefore = salt(path);

  await rekeyStore(store, newKey);
  // Still usable without reopening.
  expect(await store.profiles.get(profile.id)).toEqual(profile);
  await store.close();

  expect(salt(path).equals(saltBefore)).toBe(false);
  await expectStoreError(openStore({ path, key: oldKey }), 'WRONG_KEY_OR_NOT_WARDEN');
  const reopened = track(await openStore({ path, key: newKey, integrityCheck: true }));
  expect(await reopened.profiles.list()).toEqual([profile]);
  expect(await reopened.audit.verifyChain()).toEqual({ ok: true, entries: 1 });
}

describe('rekeyStore', () => {
  it('moves a passphrase store to a new passphrase, with a new salt', async () => {
    await rekeyAndCheck(passphraseKey('the first passphrase'), passphraseKey('the second passphrase'));
  });

  it('moves a raw-key store to a new raw key, with a new salt', async () => {
    await rekeyAndCheck(rawKey(), rawKey());
  });

  it('moves between a passphrase and a raw key both ways', async () => {
    await rekeyAndCheck(passphraseKey(), rawKey());
    await rekeyAndCheck(rawKey(), passphraseKey());
  });

  it('raises the scrypt cost of an existing store by re-keying with the same passphrase', async () => {
    const path = tempStorePath();
    const store = track(await openStore({ path, key: passphraseKey('same words'), create: true }));
    const stronger = { kind: 'passphrase', passphrase: 'same words', scrypt: { logN: 11, r: 8, p: 2 } } as const;
    await rekeyStore(store, stronger);
    expect(store.keyInfo).toEqual({ kind: 'passphrase', kdf: 'scrypt', logN: 11, r: 8, p: 2 });
    await store.close();
    expect([...salt(path).subarray(12)]).toEqual([1, 11, 8, 2]);
    const reopened = track(await openStore({ path, key: passphraseKey('same words') }));
    expect(reopened.keyInfo).toEqual({ kind: 'passphrase', kdf: 'scrypt', logN: 11, r: 8, p: 2 });
  });

  it('refuses while another connection has the store open, and changes nothing', async () => {
    const path = tempStorePath();
    const key = rawKey();
    const store = track(await openStore({ path, key, create: true, busyTimeoutMs: 100 }));
    const other = await openStore({ path, key });
    await other.profiles.list();

    await expectStoreError(rekeyStore(store, rawKey()), 'LOCKED');
    expect(await store.profiles.list()).toEqual([]);
    await other.close();
    await store.close();
    track(await openStore({ path, key }));
  });
});
