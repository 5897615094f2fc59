import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeft20Regular, ChevronRight20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  /** What is counted, in the plural ("accounts"). */
  noun: string;
  total: number;
  offset: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}

/** Pages through a long list a page at a time; hidden when everything fits on one page. */
export function Pager({ noun, total, offset, pageSize, onOffset }: Props) {
  const styles = useStyles();
  if (total <= pageSize) return null;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className={styles.root} aria-label={`Pages of ${noun}`}>
      <Caption1 className={styles.muted}>
        {(offset + 1).toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} {noun}
      </Caption1>
      <Button
        icon={<ChevronLeft20Regular />}
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(offset - pageSize, 0))}
      >
        Previous
      </Button>
      <Button
        icon={<ChevronRight20Regular />}
        iconPosition="after"
        disabled={last >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        Next
      </Button>
    </nav>
  );
}
