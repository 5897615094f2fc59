import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  // Rows have one fixed height (the virtualizer needs it): long values end in an ellipsis, whole in the tooltip.
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  second: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

interface Props {
  children: ReactNode;
  /** The detail under the value, in a quieter colour. */
  description?: string | undefined;
  /** The whole text, for the tooltip of a value cut short. */
  title?: string | undefined;
  monospace?: boolean;
}

/** A cell's value on one line and what qualifies it on a second, each cut to the column's width. */
export function TwoLineCell({ children, description, title, monospace = false }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.root} title={title}>
      <span className={mergeClasses(styles.line, monospace && styles.mono)}>{children}</span>
      {description !== undefined && <span className={mergeClasses(styles.line, styles.second)}>{description}</span>}
    </div>
  );
}
