import { formatRatio, formatTarget, formatValue } from './format';
import type { EvaluatedRow } from './verdict';

export interface BenchmarkResult {
  name: string;
  description: string;
  durationMs: number;
  rows: EvaluatedRow[];
  /** Set when the benchmark itself failed: its figures are missing, which is not the same as a missed target. */
  error?: string;
}

const HEADERS = ['metric', 'value', 'baseline', 'baseline value', 'ratio', 'target', 'verdict'] as const;
// Numbers read best right-aligned; labels left-aligned.
const RIGHT_ALIGNED = new Set<number>([1, 3, 4, 5]);

function cells(row: EvaluatedRow): string[] {
  return [
    row.metric,
    formatValue(row.value, row.unit),
    row.baseline?.label ?? '—',
    row.baseline === undefined ? '—' : formatValue(row.baseline.value, row.unit),
    formatRatio(row.ratio),
    formatTarget(row.target, row.unit),
    row.verdict,
  ];
}

export function renderTable(rows: readonly EvaluatedRow[]): string {
  const lines = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const render = (line: readonly string[]): string =>
    line
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return RIGHT_ALIGNED.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(lines[0] ?? []), rule, ...lines.slice(1).map(render)].join('\n');
}

export function renderBenchmark(result: BenchmarkResult): string {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const heading = `== ${result.name} (${seconds} s): ${result.description}`;
  if (result.error !== undefined) return `${heading}\nFAILED: ${result.error}`;
  return `${heading}\n${renderTable(result.rows)}`;
}

export function misses(results: readonly BenchmarkResult[]): string[] {
  return results.flatMap((result) =>
    result.rows
      .filter((row) => row.verdict === 'OVER TARGET')
      .map((row) => {
        const measured =
          row.target?.of === 'ratio' ? `ratio ${formatRatio(row.ratio)}` : formatValue(row.value, row.unit);
        return `${result.name} › ${row.metric}: ${measured}, target ${formatTarget(row.target, row.unit)}`;
      }),
  );
}

export function renderSummary(results: readonly BenchmarkResult[]): string {
  const lines = ['== summary'];
  for (const result of results) {
    if (result.error !== undefined) {
      lines.push(`${result.name}: FAILED (${result.error})`);
      continue;
    }
    const judged = result.rows.filter((row) => row.verdict !== 'no target');
    const over = judged.filter((row) => row.verdict === 'OVER TARGET').length;
    lines.push(
      `${result.name}: ${result.rows.length} metrics, ${judged.length} with a target: ` +
        `${judged.length - over} ok, ${over} over target`,
    );
  }
  const missed = misses(results);
  if (missed.length === 0) lines.push('All targets met.');
  else lines.push(`OVER TARGET (${missed.length}):`, ...missed.map((miss) => `  ${miss}`));
  return lines.join('\n');
}
