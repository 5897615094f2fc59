import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular, PeopleTeam48Regular, PlugConnected48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ConnectButton } from '../components/ConnectButton';
import { DemoDomainButton } from '../components/DemoDomainButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { HrImportDialog } from '../hr/HrImportDialog';
import { MatchDecisionDialog, type DecisionRequest } from '../reconciliation/MatchDecisionDialog';
import { ReconciliationView } from '../reconciliation/ReconciliationView';
import { useReconciliation } from '../reconciliation/use-reconciliation';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const describeTime = (iso: string) => new Date(iso).toLocaleString();

export function ReconciliationPage() {
  const styles = useStyles();
  const reconciliation = useReconciliation();
  const [importing, setImporting] = useState(false);
  const [decision, setDecision] = useState<DecisionRequest | undefined>(undefined);
  const { data, error, loading, reload } = reconciliation;
  // These two are where every new store starts, not failures: they get an empty state, not an alert.
  const noSnapshot = error?.code === 'NO_SNAPSHOT';
  const noHrList = error?.code === 'NO_HR_IMPORT';

  const importButton = (appearance: 'primary' | 'secondary') => (
    <Button appearance={appearance} icon={<DocumentArrowUp20Regular />} onClick={() => setImporting(true)}>
      {appearance === 'primary' ? 'Import an HR list' : 'Import a new HR list'}
    </Button>
  );

  return (
    <div className={styles.stack}>
      <PageHeader
        title="Reconciliation"
        subtitle={
          data === undefined || noHrList
            ? 'Accounts checked against your HR employee list.'
            : `Snapshot of ${describeTime(data.snapshotStartedAt)} against ${data.hrFileName}.`
        }
        actions={data !== undefined && !noSnapshot && !noHrList ? importButton('secondary') : undefined}
      />
      {noSnapshot ? (
        <EmptyState
          icon={<PlugConnected48Regular />}
          title="No snapshot to reconcile yet"
          actions={
            <>
              <ConnectButton from="reconciliation" />
              <DemoDomainButton />
            </>
          }
        >
          <p>
            Here Warden checks each account against an HR export (CSV or Excel): whose account it is, which ones belong
            to people who have left, and which ones have no person behind them.
          </p>
          <p>Reconciliation works on a snapshot of the directory: connect to a domain first, or open the demo.</p>
        </EmptyState>
      ) : noHrList ? (
        <EmptyState icon={<PeopleTeam48Regular />} title="No HR list yet" actions={importButton('primary')}>
          <p>
            Import the employee list exported from your HR system (CSV or Excel). Warden matches every account of the
            snapshot against it by employee ID, e-mail, user name and name.
          </p>
        </EmptyState>
      ) : (
        <>
          {error !== undefined && (
            <ErrorMessageBar
              title="The reconciliation could not be read"
              error={error}
              actions={<Button onClick={reload}>Try again</Button>}
            />
          )}
          {data === undefined ? (
            loading && <Spinner label="Reconciling…" />
          ) : (
            <ReconciliationView
              reconciliation={data}
              bucket={reconciliation.bucket}
              offset={reconciliation.offset}
              onBucket={reconciliation.chooseBucket}
              onOffset={reconciliation.setOffset}
              onDecide={(account, kind) => setDecision({ account, decision: kind })}
            />
          )}
        </>
      )}
      <HrImportDialog open={importing} onClose={() => setImporting(false)} onImported={reload} />
      {decision !== undefined && (
        <MatchDecisionDialog
          key={`${decision.account.objectGuid}-${decision.decision}`}
          request={decision}
          onClose={() => setDecision(undefined)}
          onRecorded={() => {
            setDecision(undefined);
            reload();
          }}
        />
      )}
    </div>
  );
}
