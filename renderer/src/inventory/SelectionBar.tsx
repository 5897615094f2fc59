import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  count: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  count: number;
  /** Every account the filters match is selected, read or not. */
  allMatching: boolean;
  /** Why the selection cannot be disabled from here, if it cannot. */
  unavailable: string | undefined;
  onClear: () => void;
}

/** How many rows are ticked, that changing the filters clears them, and a way to clear them now. */
export function SelectionBar({ count, allMatching, unavailable, onClear }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.root} aria-live="polite">
      {count > 0 && (
        <>
          <Caption1 className={styles.count}>
            {`${count.toLocaleString()} selected${allMatching ? ', every matching account' : ''}`}
          </Caption1>
          <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={onClear}>
            Clear selection
          </Button>
          <Caption1 className={styles.muted}>Changing the filters clears the selection.</Caption1>
          {unavailable !== undefined && <Caption1 className={styles.muted}>{unavailable}</Caption1>}
        </>
      )}
    </div>
  );
}
