import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { safeStorage } from 'electron';
import type { KeySource } from '../../src/api/core';
import { generateDataKey } from '../../src/store';

const WEAK_BACKEND_WARNING =
  'This computer has no OS keystore that protects secrets (Linux "basic_text" backend): ' +
  'the database key cannot be protected for you. Choose a passphrase; you will enter it each time Warden starts.';

/**
 * The store's 256-bit key is random and kept wrapped by the OS keystore (DPAPI
 * on Windows, Keychain on macOS, libsecret/KWallet on Linux). That protects it
 * from other users of the machine, not from other programs run by the same user.
 * Without a real keystore, or for a store that was created with a passphrase,
 * the user unlocks it with a passphrase instead.
 */
export async function resolveKeySource(storePath: string, wrappedKeyPath: string): Promise<KeySource> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!available || weak) return { kind: 'ask-passphrase', warning: WEAK_BACKEND_WARNING };

  if (existsSync(wrappedKeyPath)) {
    const { result } = await safeStorage.decryptStringAsync(await readFile(wrappedKeyPath));
    return { kind: 'raw', key: Buffer.from(result, 'hex') };
  }
  // A store without a wrapped key was created with a passphrase.
  if (existsSync(storePath)) return { kind: 'ask-passphrase' };

  const key = generateDataKey();
  const wrapped = await safeStorage.encryptStringAsync(key.toString('hex'));
  const temporary = `${wrappedKeyPath}.tmp`;
  await writeFile(temporary, wrapped, { mode: 0o600 });
  await rename(temporary, wrappedKeyPath);
  return { kind: 'raw', key };
}
