import { Caption1, makeStyles, Subtitle2, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeItems, type ChartItem } from './chart-item';
import { ChartLegend } from './ChartLegend';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  description: { color: tokens.colorNeutralForeground2 },
  chart: { width: '100%', minWidth: 0 },
});

interface Props {
  title: string;
  description?: ReactNode;
  /** The chart's bars or segments: listed under it as a legend, each one opening what it counts. */
  items: readonly ChartItem[];
  chart: ReactNode;
  /** Said instead of the chart to a screen reader; the items' numbers by default. */
  summary?: string;
  /** More text alternative, e.g. a visually hidden table, when the legend does not say it all. */
  alternative?: ReactNode;
}

/**
 * One chart of the Dashboard. The drawing is an image named by its numbers;
 * the legend under it says the same in text and is the keyboard's way to
 * what a click on a bar or segment opens.
 */
export function ChartCard({ title, description, items, chart, summary, alternative }: Props) {
  const styles = useStyles();
  const headingId = useId('chart');
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {title}
      </Subtitle2>
      {description !== undefined && <Caption1 className={styles.description}>{description}</Caption1>}
      <div className={styles.chart} role="img" aria-label={`${title}: ${summary ?? describeItems(items)}`}>
        {chart}
      </div>
      {items.length > 0 && <ChartLegend title={title} items={items} />}
      {alternative}
    </section>
  );
}
