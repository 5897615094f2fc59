import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors';
import type { StoreKey, StoreKeyInfo } from './keys';
import {
  DEFAULT_SCRYPT,
  derivePassphraseKey,
  newPassphraseSalt,
  readPassphraseSalt,
  SALT_BYTES,
} from './passphrase-kdf';

/**
 * The 256-bit key handed to SQLCipher, and the salt to write when the file's
 * salt is being (re)written. Derived keys are wiped after use; a caller's raw
 * key is copied so wiping never touches the caller's buffer.
 */
export interface CipherKey {
  key: Buffer;
  /** Present when creating or re-keying: SQLCipher writes exactly this salt. */
  salt: Buffer | undefined;
  info: StoreKeyInfo;
}

export function wrongKey(path: string, hint?: string): StoreError {
  return new StoreError(
    'WRONG_KEY_OR_NOT_WARDEN',
    'The store cannot be decrypted: either the key or passphrase is wrong, or the file is not a Warden store.' +
      (hint === undefined ? '' : ` ${hint}`),
    { path },
  );
}

/** The key for a salt Warden chooses now: a new store, or a re-key. */
export async function keyForNewSalt(storeKey: StoreKey): Promise<CipherKey> {
  if (storeKey.kind === 'raw') {
    return { key: Buffer.from(storeKey.key), salt: randomBytes(SALT_BYTES), info: { kind: 'raw' } };
  }
  const params = storeKey.scrypt ?? DEFAULT_SCRYPT;
  const salt = newPassphraseSalt(params);
  const key = await derivePassphraseKey(storeKey.passphrase, salt, params);
  return { key, salt, info: { kind: 'passphrase', kdf: 'scrypt', ...params } };
}

/** The key for an existing file, whose salt (and, for passphrases, cost) is in its first bytes. */
export async function keyForExistingFile(storeKey: StoreKey, header: Buffer, path: string): Promise<CipherKey> {
  if (storeKey.kind === 'raw') {
    return { key: Buffer.from(storeKey.key), salt: undefined, info: { kind: 'raw' } };
  }
  const params = readPassphraseSalt(header.subarray(0, SALT_BYTES));
  if (params === undefined) {
    throw wrongKey(
      path,
      'It was not protected with a passphrase (it may be protected by the operating system keystore instead).',
    );
  }
  const key = await derivePassphraseKey(storeKey.passphrase, header.subarray(0, SALT_BYTES), params);
  return { key, salt: undefined, info: { kind: 'passphrase', kdf: 'scrypt', ...params } };
}

/**
 * SQLite3MultipleCiphers reads `x'<64 hex>'` as a raw key, skipping SQLCipher's
 * own PBKDF2, and `x'<64 hex><32 hex>'` as a raw key plus the salt to write.
 */
function keyLiteral(cipherKey: CipherKey): string {
  const salt = cipherKey.salt === undefined ? '' : cipherKey.salt.toString('hex');
  return `"x'${cipherKey.key.toString('hex')}${salt}'"`;
}

/** Selects SQLCipher 4's format; must run before anything reads the file. */
export function selectCipher(database: BetterSqlite3.Database): void {
  database.pragma("cipher = 'sqlcipher'");
  database.pragma('legacy = 4');
}

export function applyKey(database: BetterSqlite3.Database, cipherKey: CipherKey): void {
  try {
    database.pragma(`key = ${keyLiteral(cipherKey)}`);
  } finally {
    cipherKey.key.fill(0);
  }
}

export function applyRekey(database: BetterSqlite3.Database, cipherKey: CipherKey): void {
  try {
    database.pragma(`rekey = ${keyLiteral(cipherKey)}`);
  } finally {
    cipherKey.key.fill(0);
  }
}
