import { makeStyles, Subtitle2, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** One part of an account's detail, named by its heading. */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId('detail');
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
