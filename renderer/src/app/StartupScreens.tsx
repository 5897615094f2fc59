import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

const useStyles = makeStyles({
  centered: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  failure: { maxWidth: '640px', width: '100%' },
});

export function StartupProgress() {
  const styles = useStyles();
  return (
    <main className={styles.centered}>
      <Spinner label="Opening Warden…" />
    </main>
  );
}

export function StartupFailure({ error, onRetry }: { error: WardenApiError; onRetry: () => void }) {
  const styles = useStyles();
  return (
    <main className={styles.centered}>
      <div className={styles.failure}>
        <ErrorMessageBar
          title="Warden could not start"
          error={error}
          actions={<Button onClick={onRetry}>Try again</Button>}
        />
      </div>
    </main>
  );
}
