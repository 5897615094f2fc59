import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { AuditVerification } from '../kill-switch/kill-switch-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** Recomputes the hash chain and says whether it holds, or which entry first breaks it. */
export function VerifyChainButton() {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AuditVerification | undefined>(undefined);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(await call('verifyAuditLog', {}));
    } catch (caught) {
      setAnswer(undefined);
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Button icon={<ShieldCheckmark20Regular />} onClick={() => void verify()} disabled={busy}>
        {busy ? 'Verifying…' : 'Verify chain'}
      </Button>
      {answer?.ok === true && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Chain OK</MessageBarTitle>
            {answer.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {answer?.ok === false && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chain broken at entry {answer.seq}</MessageBarTitle>
            {answer.message}
            {answer.entry !== null &&
              ` (${answer.entry.action} by ${answer.entry.actor} at ${new Date(answer.entry.at).toLocaleString()}${
                answer.entry.target === null ? '' : ` on ${answer.entry.target}`
              })`}
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorMessageBar title="The chain could not be verified" error={error} />}
    </div>
  );
}
