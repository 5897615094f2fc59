import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Prohibited20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { BulkChooser } from './BulkChooser';
import { BulkContainment } from './BulkContainment';
import type { BulkChoice } from './bulk-selection';
import { MatchingAccounts } from './MatchingAccounts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Disabling every account of a saved view or a filter expression, with the count typed as confirmation. */
export function BulkDisable() {
  const styles = useStyles();
  const [choice, setChoice] = useState<BulkChoice | undefined>(undefined);
  const [count, setCount] = useState<number | undefined>(undefined);
  const [acting, setActing] = useState(false);
  const onCount = useCallback((value: number | undefined) => setCount(value), []);
  const stopActing = useCallback(() => setActing(false), []);

  const subject =
    count === undefined ? 'the accounts' : `${count.toLocaleString()} ${count === 1 ? 'account' : 'accounts'}`;

  return (
    <div className={styles.root}>
      <BulkChooser
        disabled={acting}
        onChoose={(next) => {
          setCount(undefined);
          setChoice(next);
        }}
      />
      {choice !== undefined && <MatchingAccounts choice={choice} onCount={onCount} />}
      {choice !== undefined && !acting && count !== undefined && count > 0 && (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Prohibited20Regular />} onClick={() => setActing(true)}>
            {`Disable ${subject}…`}
          </Button>
        </div>
      )}
      {choice !== undefined && acting && (
        <section className={styles.panel} aria-label={`Disable ${subject}`}>
          <BulkContainment choice={choice} subjectName={subject} onClose={stopActing} />
        </section>
      )}
    </div>
  );
}
