import { PassphraseSchema } from '../api/schemas';
import { openStore, type Store } from '../store';
import { UsageError, type CliIo } from './cli-io';
import { stringOption, type OptionSpec, type OptionValues } from './command';
import { readSecret } from './secrets';

export const storeOptions: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
};

export const storeHelp = [
  '--db FILE                   the encrypted store',
  '--json                      print the result as JSON',
  'WARDEN_DB_PASSPHRASE        the store passphrase (asked without echo when unset on a terminal)',
];

export function dbPath(values: OptionValues): string {
  const path = stringOption(values, 'db');
  if (!path) throw new UsageError('--db FILE is required');
  return path;
}

/** A passphrase for a store being created or re-keyed: typed twice, and long enough. */
export async function readNewPassphrase(io: CliIo, variable: string, prompt: string): Promise<string> {
  const passphrase = await readSecret(io, variable, prompt, true);
  const checked = PassphraseSchema.safeParse(passphrase);
  if (!checked.success)
    throw new UsageError(`${variable}: ${checked.error.issues[0]?.message ?? 'invalid passphrase'}`);
  return checked.data;
}

/** Opens the store named by --db with the passphrase from the environment or a prompt. */
export async function openStoreFromFlags(values: OptionValues, io: CliIo, create = false): Promise<Store> {
  const path = dbPath(values);
  const passphrase = create
    ? await readNewPassphrase(io, 'WARDEN_DB_PASSPHRASE', `New passphrase for ${path}`)
    : await readSecret(io, 'WARDEN_DB_PASSPHRASE', `Passphrase for ${path}`);
  return openStore({ path, key: { kind: 'passphrase', passphrase }, create });
}
