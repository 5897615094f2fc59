import { Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { ConnectionReportView } from './ConnectionReportView';
import type { ConnectionProgress, ConnectionTestState } from './use-connection-test';

const useStyles = makeStyles({
  running: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  progress: { flexGrow: 1 },
});

const phases: ReadonlyArray<ConnectionProgress['phase']> = ['connecting', 'binding', 'reading-rootdse', 'counting'];

function describeProgress(progress: ConnectionProgress | undefined): string {
  switch (progress?.phase) {
    case undefined:
    case 'connecting':
      return 'Connecting to the domain controller…';
    case 'binding':
      return 'Signing in…';
    case 'reading-rootdse':
      return 'Reading the directory’s rootDSE…';
    case 'counting':
      return `Counting accounts: ${progress.accountsCounted.toLocaleString()} so far…`;
  }
}

interface Props {
  state: ConnectionTestState;
  onCancel: () => void;
}

/** Progress while a connection test runs, then its report or its error in plain words. */
export function ConnectionTestStatus({ state, onCancel }: Props) {
  const styles = useStyles();
  switch (state.status) {
    case 'idle':
      return null;
    case 'running': {
      // Counting can take long in big domains, so it gets its own stretch of the bar.
      const step = state.progress === undefined ? 0 : phases.indexOf(state.progress.phase);
      return (
        <div className={styles.running}>
          <Field
            className={styles.progress}
            label="Connection test"
            validationMessage={state.cancelling ? 'Cancelling…' : describeProgress(state.progress)}
            validationState="none"
          >
            <ProgressBar value={(step + 1) / (phases.length + 1)} thickness="large" />
          </Field>
          <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={state.cancelling}>
            Cancel
          </Button>
        </div>
      );
    }
    case 'succeeded':
      return <ConnectionReportView report={state.result} />;
    case 'failed':
      return <ErrorMessageBar title="Connection failed" error={state.error} />;
    case 'cancelled':
      return (
        <MessageBar intent="info">
          <MessageBarBody>The connection test was cancelled.</MessageBarBody>
        </MessageBar>
      );
  }
}
