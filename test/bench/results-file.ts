import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './benchmark';
import { misses, type BenchmarkResult } from './report';

/** Beside the other test reports, in the git-ignored test-results folder, wherever the command was started from. */
export const RESULTS_PATH = fileURLToPath(new URL('../../test-results/bench-results.json', import.meta.url));

/** Ratios travel between machines; absolute figures need the machine they were measured on beside them. */
function machine(): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  };
}

export function writeResults(options: BenchOptions, results: readonly BenchmarkResult[], path = RESULTS_PATH): void {
  const document = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    options,
    benchmarks: results,
    misses: misses(results),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
}
