import { resetPolicy } from '../../risk';
import { localActor } from '../../store/local-actor';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { RESOURCES_DIR } from '../resources-dir';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { shortHash } from './policy-flag';

export const policyResetCommand: Command = {
  words: ['policy', 'reset'],
  summary: 'Go back to the bundled default risk policy',
  synopsis: '--db FILE [--json]',
  help: [
    ...storeHelp,
    'The saved policy is removed; the audit log keeps it, with your user name.',
    'With --json: {"policy", "source": "default", "hash", "savedAt": null, "savedBy": null}.',
  ],
  options: storeOptions,
  async run(values, positionals, io) {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const store = await openStoreFromFlags(values, io);
    try {
      const inForce = await resetPolicy(store, RESOURCES_DIR, localActor());
      if (values['json'] === true) writeJson(io.stdout, inForce);
      else
        writeLine(
          io.stdout,
          `Back to the bundled default policy (sha256 ${shortHash(inForce.hash)}); recorded in the audit log.`,
        );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
