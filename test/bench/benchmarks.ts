import type { Benchmark } from './benchmark';
import { consoleBenchmark } from './console.bench';
import { hrImportBenchmark } from './hr-import.bench';
import { killSwitchBenchmark } from './kill-switch.bench';
import { reconcileBenchmark } from './reconcile.bench';
import { riskBenchmark } from './risk.bench';
import { scanBenchmark } from './scan.bench';
import { storeBenchmark } from './store.bench';

/** Every benchmark `npm run bench` runs, in order. Register a new one here. */
export const benchmarks: readonly Benchmark[] = [
  storeBenchmark,
  scanBenchmark,
  hrImportBenchmark,
  reconcileBenchmark,
  riskBenchmark,
  killSwitchBenchmark,
  consoleBenchmark,
];
