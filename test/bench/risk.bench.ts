/**
 * Classifying and scoring a domain: the target is 100,000 accounts in at most
 * 2 s (type, owner, usage, every rule, factors and tier, with the evidence of
 * each finding). Set against the simplest pass there is over the same
 * accounts, measured in the same run: counting userAccountControl flags and
 * SPNs, with no groups, owners or explanations. The ratio says what the rest costs.
 */
import { join } from 'node:path';
import { assessAccounts, compilePolicy, defaultPolicy } from '../../src/risk';
import type { AssessmentData } from '../../src/risk';
import type { Benchmark, BenchOptions, BenchRow, Target } from './benchmark';
import { alternate, median, timed } from './measure';
import { riskData } from './risk-data';

const TARGET: Target = { of: 'value', max: 2_000 };
const AS_OF = Date.parse('2026-06-15T00:00:00Z');
const RESOURCES_DIR = join(import.meta.dirname, '../../resources');

/** The baseline: one look at each account's flags and SPNs. */
function flagCount(data: AssessmentData): number {
  let flagged = 0;
  for (const account of data.accounts) {
    const uac = account.userAccountControl ?? 0;
    if ((uac & 0x2) === 0 && ((uac & 0x10000) !== 0 || account.spns.length > 0)) flagged += 1;
  }
  return flagged;
}

async function run(options: BenchOptions): Promise<BenchRow[]> {
  const data = riskData(options.accounts, AS_OF);
  const compiled = compilePolicy(await defaultPolicy(RESOURCES_DIR));
  const assessed: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const side of alternate(round, ['assess', 'count'] as const)) {
      if (side === 'assess') {
        const { ms, result } = await timed(() => assessAccounts(data, compiled));
        if (result.length !== data.accounts.length) throw new Error('not every account was assessed');
        assessed.push(ms);
      } else baseline.push((await timed(() => flagCount(data))).ms);
    }
  }
  return [
    {
      metric: `classify and score ${options.accounts.toLocaleString('en-US')} accounts (in memory, every rule)`,
      unit: 'ms',
      value: median(assessed),
      samples: assessed,
      baseline: { label: 'count UAC flags and SPNs', value: median(baseline), samples: baseline },
      target: TARGET,
    },
  ];
}

export const riskBenchmark: Benchmark = {
  name: 'risk',
  description: 'classification and risk scoring of every account, against a bare pass over their flags',
  run,
};
