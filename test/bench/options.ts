import { parseArgs } from 'node:util';
import type { BenchOptions } from './benchmark';

export interface RunnerOptions extends BenchOptions {
  /** Names of the benchmarks to run; empty for all of them. */
  only: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --accounts N    accounts in the sample domain (default 100000, the size the targets are set for)
  --only NAMES    run only these benchmarks (comma-separated, or the option repeated)
  --repeat N      repetitions of short measurements; the median is reported (default 5)
  --rounds N      repetitions of long measurements such as a full snapshot write (default 3)
  --dc-accounts N accounts in the seeded test DC the scan benchmark reads (default 20000; building a new
                  template takes about 4 minutes at 20000, then it is cached for the day)
  --help          show this text`;

const DEFAULTS: BenchOptions = { accounts: 100_000, repeat: 5, rounds: 3, dcAccounts: 20_000 };

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`--${name} needs a positive whole number, not "${text}"`);
  return value;
}

export function parseRunnerOptions(argv: readonly string[]): RunnerOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      accounts: { type: 'string' },
      only: { type: 'string', multiple: true },
      repeat: { type: 'string' },
      rounds: { type: 'string' },
      'dc-accounts': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  return {
    accounts: positiveInteger('accounts', values.accounts, DEFAULTS.accounts),
    repeat: positiveInteger('repeat', values.repeat, DEFAULTS.repeat),
    rounds: positiveInteger('rounds', values.rounds, DEFAULTS.rounds),
    dcAccounts: positiveInteger('dc-accounts', values['dc-accounts'], DEFAULTS.dcAccounts),
    only: (values.only ?? [])
      .flatMap((names) => names.split(','))
      .map((name) => name.trim())
      .filter(Boolean),
    help: values.help === true,
  };
}
