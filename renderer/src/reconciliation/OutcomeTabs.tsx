import { CounterBadge, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { BUCKETS, bucketCount, type Bucket, type HeadlineFigures } from './outcomes';

const useStyles = makeStyles({
  list: { flexWrap: 'wrap' },
  tab: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

interface Props {
  figures: HeadlineFigures;
  selected: Bucket;
  onSelect: (bucket: Bucket) => void;
}

/** One tab per bucket, each with how many accounts (or employees) it holds. */
export function OutcomeTabs({ figures, selected, onSelect }: Props) {
  const styles = useStyles();
  return (
    <TabList
      className={styles.list}
      aria-label="Reconciliation outcomes"
      selectedValue={selected}
      onTabSelect={(_event, data) => onSelect(data.value as Bucket)}
    >
      {BUCKETS.map(({ bucket, label }) => {
        const count = bucketCount(figures, bucket);
        return (
          <Tab key={bucket} value={bucket} aria-label={`${label}: ${count.toLocaleString()}`}>
            <span className={styles.tab}>
              {label}
              <CounterBadge count={count} showZero overflowCount={999_999} appearance="ghost" color="informative" />
            </span>
          </Tab>
        );
      })}
    </TabList>
  );
}
