/**
 * `npm run bench`: runs every registered benchmark, prints one table per
 * benchmark and a summary, and writes the figures to
 * test-results/bench-results.json.
 *
 * A missed target is reported, not fatal: figures depend on the machine and on
 * whatever else it is doing, so they inform decisions rather than gate a
 * change. Only a benchmark that could not run at all (or bad arguments) makes
 * the exit status non-zero.
 */
import { relative } from 'node:path';
import type { Benchmark } from './benchmark';
import { benchmarks } from './benchmarks';
import { parseRunnerOptions, USAGE, type RunnerOptions } from './options';
import { renderBenchmark, renderSummary, type BenchmarkResult } from './report';
import { RESULTS_PATH, writeResults } from './results-file';
import { evaluate } from './verdict';

function selected(options: RunnerOptions): readonly Benchmark[] {
  if (options.only.length === 0) return benchmarks;
  const known = new Set(benchmarks.map((benchmark) => benchmark.name));
  const unknown = options.only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`No benchmark named ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return benchmarks.filter((benchmark) => options.only.includes(benchmark.name));
}

async function runOne(benchmark: Benchmark, options: RunnerOptions): Promise<BenchmarkResult> {
  const started = performance.now();
  const base = { name: benchmark.name, description: benchmark.description };
  try {
    const rows = (await benchmark.run(options)).map(evaluate);
    return { ...base, durationMs: performance.now() - started, rows };
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ...base, durationMs: performance.now() - started, rows: [], error: reason };
  }
}

async function main(): Promise<number> {
  let options: RunnerOptions;
  let chosen: readonly Benchmark[];
  try {
    options = parseRunnerOptions(process.argv.slice(2));
    chosen = selected(options);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  console.log(
    `Benchmarks: ${chosen.map((benchmark) => benchmark.name).join(', ')} ` +
      `(accounts ${options.accounts.toLocaleString('en-US')}, DC accounts ${options.dcAccounts.toLocaleString('en-US')}, ` +
      `repeat ${options.repeat}, rounds ${options.rounds}). ` +
      'Values are medians; ratio = value / baseline, both measured in this run.\n',
  );
  const results: BenchmarkResult[] = [];
  for (const benchmark of chosen) {
    const result = await runOne(benchmark, options);
    results.push(result);
    console.log(`${renderBenchmark(result)}\n`);
  }
  console.log(renderSummary(results));
  writeResults(
    { accounts: options.accounts, repeat: options.repeat, rounds: options.rounds, dcAccounts: options.dcAccounts },
    results,
  );
  console.log(`\nResults written to ${relative(process.cwd(), RESULTS_PATH)}`);
  return results.some((result) => result.error !== undefined) ? 1 : 0;
}

process.exitCode = await main();
