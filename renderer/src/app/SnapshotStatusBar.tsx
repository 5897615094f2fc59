import { Badge, Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, DatabaseWarning20Regular, Database20Regular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import type { SnapshotSummary } from '../api/contract-types';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { ScanFlowDialogs } from '../scan/ScanFlowDialogs';
import { useScanFlow } from '../scan/use-scan-flow';
import { describeAge } from '../snapshot/describe-age';
import { useNow } from '../snapshot/use-now';

const loadSnapshot = () => call('getLatestSnapshot', {});
const loadProfiles = () => call('listProfiles', {});

const useStyles = makeStyles({
  // Kept in view at the top of every page: the data on screen is only as fresh as this snapshot.
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '40px',
    marginBottom: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  icon: { display: 'flex', color: tokens.colorNeutralForeground3 },
  text: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  stale: { color: tokens.colorPaletteMarigoldForeground2 },
});

/** A snapshot older than this is flagged: a quarterly audit should not run on last month's directory unawares. */
const STALE_AFTER_DAYS = 7;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function sourceOf(snapshot: SnapshotSummary): string {
  switch (snapshot.sourceKind) {
    case 'demo':
      return 'the demo company (fictional)';
    case 'ldif':
      return 'an LDIF import';
    case 'ldap':
      return snapshot.dcHost ?? 'a domain controller';
  }
}

interface Props {
  /** After a scan started here: the page on screen reads the new snapshot. */
  onScanned: () => void;
}

/**
 * The shell's header: which snapshot every page shows, how old it is, and
 * "Scan changes" one click away when it came from a saved profile. The demo
 * is marked here too, on every page.
 */
export function SnapshotStatusBar({ onScanned }: Props) {
  const styles = useStyles();
  const snapshot = useWardenQuery(loadSnapshot);
  const profiles = useWardenQuery(loadProfiles);
  const now = useNow();
  const { reload } = snapshot;
  const scanned = useCallback(() => {
    reload();
    onScanned();
  }, [reload, onScanned]);
  const scan = useScanFlow(scanned);

  const current = snapshot.data;
  const profile =
    current?.profileId === null || current === undefined || current === null
      ? undefined
      : profiles.data?.find((candidate) => candidate.id === current.profileId);
  const taken = current === undefined || current === null ? undefined : (current.finishedAt ?? current.startedAt);
  const ageDays = taken === undefined ? 0 : (now.getTime() - new Date(taken).getTime()) / 86_400_000;

  return (
    <section className={styles.bar} aria-label="Snapshot in use">
      <span className={styles.icon} aria-hidden="true">
        {ageDays > STALE_AFTER_DAYS ? <DatabaseWarning20Regular /> : <Database20Regular />}
      </span>
      {current === undefined ? (
        snapshot.error === undefined ? (
          <Spinner size="extra-tiny" label="Reading the snapshot…" />
        ) : (
          <Caption1 className={styles.text}>The current snapshot could not be read: {snapshot.error.message}</Caption1>
        )
      ) : current === null ? (
        <Caption1 className={styles.text}>No snapshot yet: nothing has been scanned into this store.</Caption1>
      ) : (
        <>
          {current.sourceKind === 'demo' && (
            <Badge appearance="filled" color="warning">
              Demo data
            </Badge>
          )}
          <Caption1 className={styles.text}>
            {`Snapshot of ${sourceOf(current)}: ${current.accountCount.toLocaleString()} accounts, ${current.groupCount.toLocaleString()} groups · `}
            <time dateTime={taken} title={taken === undefined ? undefined : dateTime.format(new Date(taken))}>
              {`taken ${taken === undefined ? 'at an unknown time' : describeAge(new Date(taken), now)}`}
            </time>
            {ageDays > STALE_AFTER_DAYS && <span className={styles.stale}> · older than a week</span>}
          </Caption1>
          {profile !== undefined && (
            <Button
              size="small"
              appearance="primary"
              icon={<ArrowSync20Regular />}
              aria-label={`Scan changes from profile ${profile.name}`}
              onClick={() => scan.begin({ profile, incremental: true })}
            >
              Scan changes
            </Button>
          )}
        </>
      )}
      <ScanFlowDialogs flow={scan} />
    </section>
  );
}
