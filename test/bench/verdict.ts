import type { BenchRow, Target } from './benchmark';

export type Verdict = 'ok' | 'OVER TARGET' | 'no target';

export interface EvaluatedRow extends BenchRow {
  /** value / baseline; null without a baseline. */
  ratio: number | null;
  verdict: Verdict;
}

export function evaluate(row: BenchRow): EvaluatedRow {
  const ratio = row.baseline === undefined || row.baseline.value === 0 ? null : row.value / row.baseline.value;
  return { ...row, ratio, verdict: verdictFor(row.target, row.value, ratio) };
}

function verdictFor(target: Target | undefined, value: number, ratio: number | null): Verdict {
  if (target === undefined) return 'no target';
  const measured = target.of === 'ratio' ? ratio : value;
  // A ratio target without a baseline cannot be judged; reporting it as missed keeps it from passing silently.
  if (measured === null) return 'OVER TARGET';
  return measured <= target.max ? 'ok' : 'OVER TARGET';
}
