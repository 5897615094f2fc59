import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  derivePassphraseKey,
  newPassphraseSalt,
  readPassphraseSalt,
} from '../../../src/store/passphrase-kdf';

describe('passphrase key derivation', () => {
  it('keeps a strong default cost', () => {
    expect(DEFAULT_SCRYPT.logN).toBeGreaterThanOrEqual(15);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
    expect(DEFAULT_SCRYPT.p).toBeGreaterThanOrEqual(1);
  });

  it('records the cost in the salt, after 12 random bytes', () => {
    const params = { logN: 17, r: 8, p: 1 };
    const first = newPassphraseSalt(params);
    const second = newPassphraseSalt(params);
    expect(first).toHaveLength(16);
    expect(readPassphraseSalt(first)).toEqual(params);
    expect(first.subarray(0, 12).equals(second.subarray(0, 12))).toBe(false);
    expect(first.subarray(12).equals(second.subarray(12))).toBe(true);
  });

  it('does not trust a salt it did not write, nor costs out of bounds', () => {
    expect(readPassphraseSalt(Buffer.alloc(16))).toBeUndefined();
    const hostile = Buffer.alloc(16);
    hostile.set([1, 40, 8, 1], 12);
    expect(readPassphraseSalt(hostile)).toBeUndefined();
    hostile.set([1, 20, 32, 16], 12);
    expect(readPassphraseSalt(hostile)).toBeUndefined();
    expect(readPassphraseSalt(Buffer.alloc(8))).toBeUndefined();
  });

  it('derives 32 bytes that depend on passphrase, salt and cost', async () => {
    const params = { logN: 10, r: 8, p: 1 };
    const salt = newPassphraseSalt(params);
    const key = await derivePassphraseKey('words', salt, params);
    expect(key).toHaveLength(32);
    expect((await derivePassphraseKey('words', salt, params)).equals(key)).toBe(true);
    expect((await derivePassphraseKey('other words', salt, params)).equals(key)).toBe(false);
    expect((await derivePassphraseKey('words', newPassphraseSalt(params), params)).equals(key)).toBe(false);
    expect((await derivePassphraseKey('words', salt, { ...params, logN: 11 })).equals(key)).toBe(false);
  });
});
