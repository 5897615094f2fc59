import { randomBytes, scrypt } from 'node:crypto';
import { StoreError } from './errors';

/**
 * Passphrase stretching, and where its parameters live.
 *
 * SQLCipher keeps a 16-byte random salt in clear at the start of every
 * encrypted file. Warden derives the passphrase key with scrypt over that very
 * salt and hands SQLCipher the result as a raw key, so SQLCipher's own PBKDF2
 * is skipped and nothing sits beside the database: a lone copy of the .db file
 * (a backup, a file moved to another machine) is all it takes to reopen it.
 *
 * The salt Warden writes is laid out as
 *
 *     bytes 0..11  random
 *     byte  12     KDF identifier (1 = scrypt)
 *     byte  13     log2 of scrypt's N
 *     byte  14     scrypt's r
 *     byte  15     scrypt's p
 *
 * so the cost used for a file can be read back from the file itself and raised
 * later by re-keying, which writes a new salt. 96 random bits keep every salt
 * unique across any realistic number of stores; the cost bytes are no secret
 * (they would be in clear in any sidecar file too).
 */

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

/** About 300 ms and 64 MiB on the reference machine (Node 20, x86-64); see the store benchmark. */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = Object.freeze({ logN: 16, r: 8, p: 1 });

export const SALT_BYTES = 16;
const RANDOM_SALT_BYTES = 12;
const KDF_SCRYPT = 1;
const DERIVED_KEY_BYTES = 32;

/** Bounds that keep a hostile or random file header from asking for hours of work or gigabytes of memory. */
const LIMITS = { logN: [10, 22], r: [1, 32], p: [1, 16] } as const;
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

/** What scrypt allocates: N blocks of 128·r bytes, plus p more. */
function scryptMemory(params: ScryptParams): number {
  return 128 * params.r * (2 ** params.logN + params.p);
}

function withinLimits(params: ScryptParams): boolean {
  const inRange = (value: number, [min, max]: readonly [number, number]): boolean =>
    Number.isInteger(value) && value >= min && value <= max;
  return (
    inRange(params.logN, LIMITS.logN) &&
    inRange(params.r, LIMITS.r) &&
    inRange(params.p, LIMITS.p) &&
    scryptMemory(params) <= MAX_SCRYPT_MEMORY
  );
}

export function assertScryptParams(params: ScryptParams): void {
  if (!withinLimits(params)) {
    throw new StoreError(
      'INVALID_KEY',
      `The passphrase derivation parameters (log2 N=${params.logN}, r=${params.r}, p=${params.p}) are outside the supported range.`,
      { logN: params.logN, r: params.r, p: params.p },
    );
  }
}

export function newPassphraseSalt(params: ScryptParams): Buffer {
  assertScryptParams(params);
  const salt = Buffer.alloc(SALT_BYTES);
  randomBytes(RANDOM_SALT_BYTES).copy(salt, 0);
  salt[12] = KDF_SCRYPT;
  salt[13] = params.logN;
  salt[14] = params.r;
  salt[15] = params.p;
  return salt;
}

/** The parameters recorded in a salt, or undefined when the salt was not written by Warden's passphrase mode. */
export function readPassphraseSalt(salt: Buffer): ScryptParams | undefined {
  if (salt.length !== SALT_BYTES || salt[12] !== KDF_SCRYPT) return undefined;
  const params = { logN: salt[13] ?? 0, r: salt[14] ?? 0, p: salt[15] ?? 0 };
  return withinLimits(params) ? params : undefined;
}

/** Runs in libuv's thread pool, so the Electron main process stays responsive while it works. */
export function derivePassphraseKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  assertScryptParams(params);
  // The same passphrase typed through different input methods must give the same key.
  const normalized = passphrase.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(
      normalized,
      salt,
      DERIVED_KEY_BYTES,
      { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: scryptMemory(params) + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
