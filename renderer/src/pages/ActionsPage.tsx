import { makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { Shield48Regular } from '@fluentui/react-icons';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import { useSession } from '../app/session';
import { ConnectButton } from '../components/ConnectButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { BulkDisable } from '../kill-switch/BulkDisable';
import { BulkRestore } from '../kill-switch/BulkRestore';

const loadSnapshot = () => call('getLatestSnapshot', {});

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
});

/** The kill switch in bulk: disable the accounts of a filter or a saved view, and undo the last such action. */
export function ActionsPage() {
  const styles = useStyles();
  const { appInfo } = useSession();
  const latest = useWardenQuery(loadSnapshot);
  const header = <PageHeader title="Actions" subtitle="Changes Warden makes in the directory on your behalf." />;

  if (latest.error !== undefined) {
    return (
      <>
        {header}
        <ErrorMessageBar title="Could not read the latest snapshot" error={latest.error} />
      </>
    );
  }
  if (latest.data === undefined) return header;
  if (latest.data === null || appInfo.isDemo) {
    return (
      <>
        {header}
        <EmptyState icon={<Shield48Regular />} title="Nothing to act on yet" actions={<ConnectButton from="actions" />}>
          <p>
            The kill switch disables risky accounts, alone or in bulk, and every containment can be undone from the
            audit log.
          </p>
          <p>
            {appInfo.isDemo
              ? 'The demo domain has no directory to change: connect to a real domain.'
              : 'Actions need a connected domain and a scan to act on.'}
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <section className={styles.section} aria-labelledby="bulk-disable-heading">
        <Subtitle1 as="h2" id="bulk-disable-heading">
          Bulk disable
        </Subtitle1>
        <BulkDisable />
      </section>
      <section className={styles.section} aria-labelledby="bulk-restore-heading">
        <Subtitle1 as="h2" id="bulk-restore-heading">
          Bulk restore
        </Subtitle1>
        <BulkRestore />
      </section>
    </>
  );
}
