import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowExit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { useNavigation } from '../app/navigation';
import { useSession } from '../app/session';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
});

/**
 * Marks every page while the demo store is open, so fictional accounts are
 * never mistaken for the user's directory, and offers the way back.
 */
export function DemoBanner() {
  const styles = useStyles();
  const { refreshAppInfo } = useSession();
  const { navigate } = useNavigation();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const leave = async () => {
    setError(undefined);
    setLeaving(true);
    try {
      await call('leaveDemo', {});
      // The demo's pages mean nothing in the user's store: start again from its dashboard.
      navigate({ page: 'dashboard' });
      await refreshAppInfo();
    } catch (caught) {
      setError(toWardenApiError(caught));
      setLeaving(false);
    }
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Demo domain</MessageBarTitle>
          Fictional data from the bundled demo company. Nothing here is your directory.
        </MessageBarBody>
        <MessageBarActions>
          <Button
            appearance="primary"
            icon={leaving ? <Spinner size="tiny" /> : <ArrowExit20Regular />}
            disabled={leaving}
            onClick={() => void leave()}
          >
            Leave the demo
          </Button>
        </MessageBarActions>
      </MessageBar>
      {error !== undefined && <ErrorMessageBar title="Could not leave the demo" error={error} />}
    </div>
  );
}
