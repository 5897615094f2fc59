import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ChartItem } from './chart-item';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  entry: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  plain: { paddingInline: tokens.spacingHorizontalS },
  swatch: { width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  count: { fontWeight: tokens.fontWeightSemibold },
});

/** The chart's items with their counts; those that open something are buttons. */
export function ChartLegend({ title, items }: { title: string; items: readonly ChartItem[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={`${title} legend`}>
      {items.map((item) => {
        const content = (
          <span className={styles.entry}>
            <span className={styles.swatch} style={{ backgroundColor: item.fill }} aria-hidden="true" />
            <span>{item.label}:</span> <span className={styles.count}>{item.count.toLocaleString()}</span>
          </span>
        );
        return (
          <li key={item.key}>
            {item.onSelect === undefined ? (
              <Caption1 className={styles.plain}>{content}</Caption1>
            ) : (
              <Button appearance="subtle" size="small" onClick={item.onSelect}>
                {content}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
