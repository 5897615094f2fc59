/**
 * What a benchmark reports. A figure only means something next to a baseline
 * measured in the same run on the same machine, so a row carries both and the
 * runner derives the ratio; absolute figures from another machine are never
 * compared.
 */

export type Unit = 'ms' | 'items/s' | 'MiB';

/** Upper bound on either the ratio (value / baseline) or the value itself. */
export interface Target {
  of: 'ratio' | 'value';
  max: number;
}

export interface BenchRow {
  metric: string;
  unit: Unit;
  /** The median of `samples` when there are several. */
  value: number;
  baseline?: { label: string; value: number; samples?: readonly number[] };
  target?: Target;
  /** Every measurement behind `value`, kept in the JSON results to show the spread. */
  samples?: readonly number[];
}

export interface BenchOptions {
  /** Size of the sample domain. */
  accounts: number;
  /** Repetitions of short measurements (milliseconds each); the median is reported. */
  repeat: number;
  /** Repetitions of long measurements (seconds each, such as a full snapshot write). */
  rounds: number;
  /** Accounts in the seeded test DC that scan benchmarks read (a template of that size is built on first use). */
  dcAccounts: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}
