import { Badge, Card, makeStyles, mergeClasses, Subtitle1, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SnapshotSummary } from '../api/contract-types';
import { describeAge } from './describe-age';
import { useNow } from './use-now';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: 0 },
  stats: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXXL },
  stat: { display: 'flex', flexDirection: 'column-reverse' },
  statValue: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
  },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  dn: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

const sourceBadges: Record<SnapshotSummary['sourceKind'], string> = {
  ldap: 'Live scan',
  ldif: 'LDIF import',
  demo: 'Demo',
};

function describeSource(snapshot: SnapshotSummary): string {
  switch (snapshot.sourceKind) {
    case 'demo':
      return 'The bundled demo company (fictional)';
    case 'ldif':
      return 'LDIF import';
    case 'ldap':
      return snapshot.dcHost ?? 'A domain controller (host name not recorded)';
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  snapshot: SnapshotSummary;
  /** What can be done about it, such as scanning again. */
  actions?: ReactNode;
}

/** What the dashboard's numbers are drawn from: where the snapshot came from, and how fresh it is. */
export function CurrentSnapshotCard({ snapshot, actions }: Props) {
  const styles = useStyles();
  const headingId = useId('current-snapshot');
  const now = useNow();
  // A complete snapshot always has an end; the start stands in should one ever lack it.
  const taken = snapshot.finishedAt ?? snapshot.startedAt;

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={headingId}>
          Current snapshot
        </Subtitle1>
        <Badge appearance="tint" color={snapshot.sourceKind === 'demo' ? 'warning' : 'brand'}>
          {sourceBadges[snapshot.sourceKind]}
        </Badge>
      </div>
      <dl className={mergeClasses(styles.list, styles.stats)}>
        <div className={styles.stat}>
          <dt className={styles.term}>Accounts</dt>
          <dd className={styles.statValue}>{snapshot.accountCount.toLocaleString()}</dd>
        </div>
        <div className={styles.stat}>
          <dt className={styles.term}>Groups</dt>
          <dd className={styles.statValue}>{snapshot.groupCount.toLocaleString()}</dd>
        </div>
      </dl>
      <dl className={mergeClasses(styles.list, styles.details)}>
        <div className={styles.row}>
          <dt className={styles.term}>Source</dt>
          <dd className={styles.value}>{describeSource(snapshot)}</dd>
        </div>
        <div className={styles.row}>
          <dt className={styles.term}>Base DN</dt>
          <dd className={mergeClasses(styles.value, snapshot.baseDn !== null && styles.dn)}>
            {snapshot.baseDn ?? <span className={styles.muted}>Not recorded</span>}
          </dd>
        </div>
        <div className={styles.row}>
          <dt className={styles.term}>{snapshot.finishedAt === null ? 'Started' : 'Finished'}</dt>
          <dd className={styles.value}>
            <time dateTime={taken}>{dateTime.format(new Date(taken))}</time>
            <span className={styles.muted}> · {describeAge(new Date(taken), now)}</span>
          </dd>
        </div>
      </dl>
      {actions}
    </Card>
  );
}
