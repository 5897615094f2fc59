import { currentPolicy } from '../../risk';
import { EXIT, UsageError, writeJson } from '../cli-io';
import type { Command } from '../command';
import { RESOURCES_DIR } from '../resources-dir';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { printPolicy } from './policy-flag';

export const policyShowCommand: Command = {
  words: ['policy', 'show'],
  summary: 'Show the risk policy in force: the saved one, else the bundled defaults',
  synopsis: '--db FILE [--json]',
  help: [
    ...storeHelp,
    'With --json: {"policy", "source": "saved"|"default", "hash", "savedAt", "savedBy"}; "hash" is the SHA-256',
    "of the policy's canonical JSON, the one recorded with each snapshot's figures.",
  ],
  options: storeOptions,
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const store = await openStoreFromFlags(values, io);
    try {
      const inForce = await currentPolicy(store, RESOURCES_DIR);
      if (values['json'] === true) writeJson(io.stdout, inForce);
      else printPolicy(io, inForce);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
