import { makeStyles, tokens } from '@fluentui/react-components';

const WIDTH = 120;
const HEIGHT = 32;

const useStyles = makeStyles({
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '2px' },
});

/** A figure's course over the reconciled snapshots, oldest first; the label says it in words. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const styles = useStyles();
  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const step = WIDTH / Math.max(values.length - 1, 1);
  const points = values.map((value, index) => `${index * step},${HEIGHT - 2 - ((value - low) / span) * (HEIGHT - 4)}`);
  return (
    <svg role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <polyline className={styles.line} points={points.join(' ')} />
    </svg>
  );
}
