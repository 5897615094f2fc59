import { currentPolicy, readPolicyFile, savePolicy, type RiskPolicy } from '../../risk';
import { localActor } from '../../store/local-actor';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { RESOURCES_DIR } from '../resources-dir';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { isPolicyRefusal, printPolicyRefusal, shortHash } from './policy-flag';

export const policySetCommand: Command = {
  words: ['policy', 'set'],
  summary: 'Validate a risk policy file and save it as the policy in force',
  synopsis: 'FILE --db FILE [--json]',
  help: [
    'FILE                        the policy, e.g. one written by "warden policy export" and edited',
    ...storeHelp,
    'The file is checked first and nothing is saved when any part of it is wrong (each issue listed).',
    'The change goes into the audit log with your user name and the policy it replaces. Scores follow',
    'it from the next "warden accounts" or "warden summary": nothing needs rescanning.',
    'With --json: {"policy", "source": "saved", "hash", "savedAt", "savedBy"}.',
  ],
  options: storeOptions,
  async run(values, positionals, io) {
    const [path, ...others] = positionals;
    if (path === undefined) throw new UsageError('the policy file to save is missing');
    if (others.length > 0) throw new UsageError('save one policy file');
    let policy: RiskPolicy;
    try {
      policy = await readPolicyFile(path);
    } catch (error) {
      if (!isPolicyRefusal(error)) throw error;
      printPolicyRefusal(io, path, error);
      writeLine(io.stderr, 'Nothing was saved.');
      return EXIT.failure;
    }
    const store = await openStoreFromFlags(values, io);
    try {
      const before = await currentPolicy(store, RESOURCES_DIR);
      const saved = await savePolicy(store, policy, localActor());
      if (values['json'] === true) {
        writeJson(io.stdout, saved);
      } else {
        const same = before.hash === saved.hash ? ' (the same policy as before)' : '';
        writeLine(
          io.stdout,
          `Saved ${path} as the policy in force (sha256 ${shortHash(saved.hash)})${same}, replacing the ${before.source} policy ${shortHash(before.hash)}.`,
        );
        writeLine(
          io.stdout,
          `Risk tiers: high from score ${policy.risk.thresholds.high}, medium from ${policy.risk.thresholds.medium}. Recorded in the audit log; no rescan needed.`,
        );
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
