import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { ScanSummary } from './use-profile-scan';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

function describeDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toLocaleString(undefined, { maximumFractionDigits: 1 })} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** The snapshot a finished scan made and, for a scan of changes, what changed. */
export function ScanSummaryView({ summary, askedForChanges }: { summary: ScanSummary; askedForChanges: boolean }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    ['Kind', summary.incremental ? 'Changes since the last snapshot' : 'Full scan'],
    ['Accounts', summary.accounts.toLocaleString()],
    ['Groups', summary.groups.toLocaleString()],
    ['Duration', describeDuration(summary.durationMs)],
  ];
  if (summary.changes !== undefined) {
    rows.push(
      ['Changed accounts', summary.changes.changedAccounts.toLocaleString()],
      ['Changed groups', summary.changes.changedGroups.toLocaleString()],
      ['Removed objects', summary.changes.removed.toLocaleString()],
    );
  }

  return (
    <div className={styles.root}>
      {askedForChanges && !summary.incremental && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Everything was read again</MessageBarTitle>
            Only the changes could not be read because{' '}
            {summary.fullScanReason ?? 'the last snapshot could not serve as a starting point'}.
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.list} aria-label="Scan summary">
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
