import { randomBytes } from 'node:crypto';
import { StoreError } from './errors';
import type { ScryptParams } from './passphrase-kdf';

export const DATA_KEY_BYTES = 32;

/** A random 256-bit key, kept wrapped by the operating system's keystore. */
export interface RawStoreKey {
  kind: 'raw';
  key: Buffer;
}

/** A passphrase typed by the user when the OS keystore offers no real protection. */
export interface PassphraseStoreKey {
  kind: 'passphrase';
  passphrase: string;
  /**
   * Cost of the key derivation for a salt written now (creating the store or
   * re-keying it). An existing store always uses the cost recorded in its own
   * file, whatever is given here. Leave unset outside tests.
   */
  scrypt?: ScryptParams;
}

export type StoreKey = RawStoreKey | PassphraseStoreKey;

/** How the open store's key is protected, for status screens. Never holds key material. */
export type StoreKeyInfo = { kind: 'raw' } | ({ kind: 'passphrase'; kdf: 'scrypt' } & ScryptParams);

export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function assertUsableKey(key: StoreKey): void {
  if (key.kind === 'raw') {
    if (!Buffer.isBuffer(key.key) || key.key.length !== DATA_KEY_BYTES) {
      throw new StoreError('INVALID_KEY', `The store key must be ${DATA_KEY_BYTES} random bytes.`, {
        expectedBytes: DATA_KEY_BYTES,
        actualBytes: Buffer.isBuffer(key.key) ? key.key.length : 0,
      });
    }
    return;
  }
  if (typeof key.passphrase !== 'string' || key.passphrase.length === 0) {
    throw new StoreError('INVALID_KEY', 'The store passphrase must not be empty.');
  }
}
