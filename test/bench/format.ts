import type { Target, Unit } from './benchmark';

function decimalsFor(value: number): number {
  const size = Math.abs(value);
  if (size >= 100) return 0;
  if (size >= 10) return 1;
  return 2;
}

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'items/s') return `${Math.round(value).toLocaleString('en-US')} /s`;
  const decimals = unit === 'MiB' ? 1 : decimalsFor(value);
  const text = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${text} ${unit}`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : ratio.toFixed(2);
}

/** "≤ 1.5" bounds the ratio; a bound on the value itself carries its unit, "≤ 50 ms". */
export function formatTarget(target: Target | undefined, unit: Unit): string {
  if (target === undefined) return '—';
  return target.of === 'ratio' ? `≤ ${target.max}` : `≤ ${formatValue(target.max, unit).replace(/\.0+ /, ' ')}`;
}
