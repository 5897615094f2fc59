import { Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from '@fluentui/react-components';
import { Beaker20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useOpenDemo, type DemoProgress, type OpenDemoState } from '../demo/use-open-demo';
import { ErrorMessageBar } from './ErrorMessageBar';

const useStyles = makeStyles({
  // Progress and errors need more room than a button: they take a line of their own.
  wide: { flexBasis: '100%', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  running: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, textAlign: 'start' },
  progress: { flexGrow: 1 },
  retry: { display: 'flex', justifyContent: 'center' },
});

function describeProgress(state: Extract<OpenDemoState, { status: 'loading' | 'switching' }>): string {
  if (state.status === 'switching') return 'Opening the demo domain…';
  if (state.cancelling) return 'Cancelling…';
  const accounts = state.progress?.accounts ?? 0;
  return `Loading the demo company… ${accounts.toLocaleString()} ${accounts === 1 ? 'account' : 'accounts'}`;
}

/** A share of the bar when the core knows the total; otherwise the bar just shows that work goes on. */
function progressValue(progress: DemoProgress | undefined): number | undefined {
  if (progress?.estimatedTotal === undefined || progress.estimatedTotal === 0) return undefined;
  return Math.min(progress.accounts / progress.estimatedTotal, 1);
}

/**
 * Opens the bundled demo company in a store of its own and switches the app
 * to it; the user's own store is left as it was.
 */
export function DemoDomainButton() {
  const styles = useStyles();
  const { state, open, cancel } = useOpenDemo();

  const button = (
    <Button icon={<Beaker20Regular />} onClick={() => void open()}>
      Explore the demo domain
    </Button>
  );

  switch (state.status) {
    case 'idle':
      return button;
    case 'loading':
    case 'switching':
      return (
        <div className={styles.wide}>
          <div className={styles.running}>
            <Field
              className={styles.progress}
              label="Demo domain"
              validationMessage={describeProgress(state)}
              validationState="none"
            >
              <ProgressBar value={state.status === 'switching' ? 1 : progressValue(state.progress)} thickness="large" />
            </Field>
            <Button
              icon={<Dismiss20Regular />}
              onClick={() => void cancel()}
              disabled={state.status === 'switching' || state.cancelling}
            >
              Cancel
            </Button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className={styles.wide}>
          <div className={styles.retry}>{button}</div>
          <ErrorMessageBar title="The demo domain could not be opened" error={state.error} />
        </div>
      );
    case 'cancelled':
      return (
        <div className={styles.wide}>
          <div className={styles.retry}>{button}</div>
          <MessageBar intent="info">
            <MessageBarBody>Loading the demo company was cancelled. Your own store is unchanged.</MessageBarBody>
          </MessageBar>
        </div>
      );
  }
}
