import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** The page's title is its h1, so screen readers and tests land on the same heading. */
export function PageHeader({ title, subtitle, actions }: Props) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.text}>
        <Title2 as="h1">{title}</Title2>
        {subtitle !== undefined && <Body1 className={styles.subtitle}>{subtitle}</Body1>}
      </div>
      {actions}
    </header>
  );
}
