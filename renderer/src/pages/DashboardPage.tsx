import { Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { PlugConnected48Regular } from '@fluentui/react-icons';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { useSession } from '../app/session';
import { ConnectButton } from '../components/ConnectButton';
import { DemoDomainButton } from '../components/DemoDomainButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { DashboardScanActions } from '../scan/DashboardScanActions';
import { ScanFlowDialogs } from '../scan/ScanFlowDialogs';
import { useScanFlow } from '../scan/use-scan-flow';
import { CurrentSnapshotCard } from '../snapshot/CurrentSnapshotCard';
import { RiskOverviewSection } from '../dashboard/RiskOverviewSection';

const loadProfiles = () => call('listProfiles', {});
const loadSnapshot = () => call('getLatestSnapshot', {});

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  profiles: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function DashboardPage() {
  const styles = useStyles();
  const { appInfo } = useSession();
  const profiles = useWardenQuery(loadProfiles);
  const snapshot = useWardenQuery(loadSnapshot);
  // Here rather than in the actions: a first scan swaps the empty state for the card, and its dialog must stay.
  const scan = useScanFlow(snapshot.reload);
  const saved = profiles.data ?? [];
  const current = snapshot.data ?? null;
  // Wait for both answers, so the empty state never flashes before a snapshot appears.
  const loading =
    (profiles.loading && profiles.data === undefined) || (snapshot.loading && snapshot.data === undefined);

  const actions = (
    <>
      <ConnectButton from="dashboard" />
      <DemoDomainButton />
    </>
  );
  const scanActions =
    saved.length === 0 ? undefined : <DashboardScanActions profiles={saved} latest={current} onScan={scan.begin} />;

  return (
    <div className={styles.stack}>
      <PageHeader title="Dashboard" subtitle="Non-human identities in your Active Directory, at a glance." />
      {profiles.error !== undefined && (
        <ErrorMessageBar title="Could not read connection profiles" error={profiles.error} />
      )}
      {snapshot.error !== undefined && (
        <ErrorMessageBar title="Could not read the latest snapshot" error={snapshot.error} />
      )}
      {loading ? (
        <Spinner label="Loading…" />
      ) : current !== null ? (
        <>
          <CurrentSnapshotCard snapshot={current} actions={scanActions} />
          {/* Keyed by the snapshot: a new scan is assessed afresh. */}
          <RiskOverviewSection key={current.id} />
        </>
      ) : saved.length === 0 ? (
        <EmptyState icon={<PlugConnected48Regular />} title="No domain connected yet" actions={actions}>
          <p>
            Warden inventories the service accounts, managed service accounts (gMSA), bots and agent identities in your
            on-premises Active Directory, and shows who owns them, what they can reach and which ones nobody uses any
            more.
          </p>
          <p>
            Connect to a domain controller to get started: a read-only account is enough. Or explore a demo domain to
            see what Warden shows.
          </p>
        </EmptyState>
      ) : (
        <EmptyState icon={<PlugConnected48Regular />} title="Nothing scanned yet" actions={scanActions}>
          <p>
            {saved.length === 1 ? 'One connection profile is' : `${saved.length} connection profiles are`} saved.
            Account counts, risk findings and ownership gaps will appear here once a domain has been scanned.
          </p>
          <ul className={styles.profiles} aria-label="Saved connection profiles">
            {saved.map((profile) => (
              <li key={profile.id}>
                {profile.name} <span className={styles.muted}>({profile.host})</span>
              </li>
            ))}
          </ul>
        </EmptyState>
      )}
      <ScanFlowDialogs flow={scan} />
      <Caption1 className={styles.muted}>
        Store: {appInfo.store.state === 'open' ? 'encrypted, open' : 'locked'} · {appInfo.platform}
      </Caption1>
    </div>
  );
}
