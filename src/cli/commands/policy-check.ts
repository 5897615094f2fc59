import { policyHash, readPolicyFile } from '../../risk';
import { EXIT, UsageError, writeJson, writeLine } from '../cli-io';
import type { Command } from '../command';
import { isPolicyRefusal, policyIssues, printPolicyRefusal, shortHash } from './policy-flag';

export const policyCheckCommand: Command = {
  words: ['policy', 'check'],
  summary: 'Validate a risk policy file without saving it; every problem is named by its JSON path',
  synopsis: 'FILE [--json]',
  help: [
    'FILE                        the policy, as "warden policy export" writes it',
    '--json                      print {"file", "valid", "hash", "issues"}',
    'No store is needed. Exit code 0 when the file is valid, 1 when it is not (each issue listed).',
  ],
  options: { json: { type: 'boolean', default: false } },
  async run(values, positionals, io) {
    const [path, ...others] = positionals;
    if (path === undefined) throw new UsageError('the policy file to check is missing');
    if (others.length > 0) throw new UsageError('check one file at a time');
    const json = values['json'] === true;
    try {
      const policy = await readPolicyFile(path);
      const hash = policyHash(policy);
      if (json) writeJson(io.stdout, { file: path, valid: true, hash, issues: [] });
      else writeLine(io.stdout, `${path} is a valid policy (sha256 ${shortHash(hash)}).`);
      return EXIT.ok;
    } catch (error) {
      if (!isPolicyRefusal(error)) throw error;
      // A refused file is this command's answer, not a failure to run: print it all, then say so by the exit code.
      if (json) writeJson(io.stdout, { file: path, valid: false, hash: null, issues: policyIssues(error) });
      else printPolicyRefusal(io, path, error);
      return EXIT.failure;
    }
  },
};
