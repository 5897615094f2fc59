import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { WardenError } from '../../errors';
import { currentPolicy } from '../../risk';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { RESOURCES_DIR } from '../resources-dir';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { shortHash } from './policy-flag';

/** Writes the file only if it does not exist yet, unless told to replace it: the check and the write are one step. */
async function writePolicyFile(path: string, text: string, force: boolean): Promise<void> {
  try {
    await writeFile(path, text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new WardenError('ALREADY_EXISTS', `${path} already exists; give --force to overwrite it.`, { path });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new WardenError('WRITE_FAILED', `The policy cannot be written to ${path}: ${reason}`, { path });
  }
}

export const policyExportCommand: Command = {
  words: ['policy', 'export'],
  summary: 'Write the risk policy in force to a JSON file, to edit it and "warden policy set" it back',
  synopsis: 'FILE --db FILE [--force] [--json]',
  help: [
    'FILE                        where to write the policy (pretty JSON)',
    '--force                     overwrite FILE if it exists (by default an existing file is left alone)',
    ...storeHelp,
    'With --json: {"file", "source", "hash"}.',
  ],
  options: { ...storeOptions, force: { type: 'boolean', default: false } },
  async run(values, positionals, io) {
    const [path, ...others] = positionals;
    if (path === undefined) throw new UsageError('the file to write is missing');
    if (others.length > 0) throw new UsageError('export to one file');
    const force = values['force'] === true;
    // Checked again when writing; here so that a refusal comes before the passphrase prompt.
    if (!force && existsSync(path)) {
      throw new WardenError('ALREADY_EXISTS', `${path} already exists; give --force to overwrite it.`, { path });
    }
    const store = await openStoreFromFlags(values, io);
    let inForce;
    try {
      inForce = await currentPolicy(store, RESOURCES_DIR);
    } finally {
      await store.close();
    }
    await writePolicyFile(path, `${JSON.stringify(inForce.policy, null, 2)}\n`, force);
    if (values['json'] === true) writeJson(io.stdout, { file: path, source: inForce.source, hash: inForce.hash });
    else writeLine(io.stdout, `Wrote the ${inForce.source} policy (sha256 ${shortHash(inForce.hash)}) to ${path}.`);
    return EXIT.ok;
  },
};
