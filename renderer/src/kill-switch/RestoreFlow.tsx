import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTask } from '../api/use-task';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { BindFields } from './BindFields';
import { DifferencesTable } from './DifferencesTable';
import type { AccountResult, RestoreReport } from './kill-switch-types';
import { ResultsTable } from './ResultsTable';
import { SnapshotLagNote } from './SnapshotLagNote';
import { useBind } from './use-bind';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const changedSince = (result: AccountResult) => result.refusal?.guardrail === 'changed-since-containment';

/** Which accounts were left alone for having changed: in a bulk restore the others may well be done. */
function changedWords(changed: AccountResult[]): string {
  const [only] = changed;
  return changed.length === 1 && only !== undefined
    ? `${only.samAccountName} was changed after Warden contained it, so it was left as it is.`
    : `${changed.length.toLocaleString()} accounts were changed after Warden contained them, so they were left as they are.`;
}

interface Props {
  objectGuids: string[];
  /** Names what is restored in labels: a sAMAccountName, or "12 accounts". */
  subjectName: string;
  /** What the audit log recorded before the containment: shown before the restore, and again before restoring over changes. */
  prior?: ReactNode;
  onFinished?: (report: RestoreReport) => void;
  onClose: () => void;
}

/**
 * Puts accounts back as the audit log recorded them before their containment.
 * An account changed since is refused with its differences; restoring over
 * them is a second, explicit confirmation with the password typed again.
 */
export function RestoreFlow({ objectGuids, subjectName, prior, onFinished, onClose }: Props) {
  const styles = useStyles();
  const bind = useBind();
  const task = useTask('restoreAccounts');
  const [reason, setReason] = useState('');
  const [runs, setRuns] = useState<RestoreReport[]>([]);

  const last = runs.at(-1);
  const changed = last?.results.filter(changedSince) ?? [];
  const { state } = task;
  // First the restore as asked; then, for the accounts changed since, restoring over those changes.
  const asking = state.status !== 'running' && (last === undefined || changed.length > 0);

  const run = async (guids: string[], force: boolean) => {
    const credentials = bind.credentials();
    bind.forgetPassword();
    const outcome = await task.start({
      ...credentials,
      objectGuids: guids,
      force,
      ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
    });
    if (outcome.status === 'succeeded') {
      setRuns((previous) => [...previous, outcome.result]);
      onFinished?.(outcome.result);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!bind.ready) return;
    if (changed.length > 0)
      void run(
        changed.map((result) => result.objectGuid),
        true,
      );
    else void run(objectGuids, false);
  };

  return (
    <div className={styles.root} aria-live="polite">
      {last === undefined && prior}
      {bind.profilesError !== undefined && (
        <ErrorMessageBar title="Could not read the connection profiles" error={bind.profilesError} />
      )}
      {last !== undefined && (
        <ResultsTable
          label={`Results of restoring ${subjectName}`}
          results={last.results}
          counts={last.counts}
          cancelled={last.cancelled}
        />
      )}
      {last !== undefined && last.counts.done > 0 && <SnapshotLagNote />}
      {asking && changed.length > 0 && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Changed since the containment</MessageBarTitle>
              {changedWords(changed)} Restoring anyway puts back the state recorded before the containment over these
              changes, and the audit log records that it did.
            </MessageBarBody>
          </MessageBar>
          <DifferencesTable changed={changed} />
          {prior}
        </>
      )}
      {state.status === 'running' && (
        <>
          <Field
            label={`Restoring ${subjectName}`}
            validationState="none"
            validationMessage={
              state.cancelling
                ? 'Stopping after the current account…'
                : state.progress === undefined
                  ? 'Binding and reading the accounts…'
                  : `${state.progress.done} of ${state.progress.total}: ${state.progress.samAccountName} ${state.progress.result}`
            }
          >
            <ProgressBar
              thickness="large"
              value={state.progress === undefined ? undefined : state.progress.done / Math.max(1, state.progress.total)}
            />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => void task.cancel()} disabled={state.cancelling}>
              Cancel the run
            </Button>
          </div>
        </>
      )}
      {state.status === 'failed' && <ErrorMessageBar title="The restore did not run" error={state.error} />}
      {state.status === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>Cancelled. The accounts handled before the cancel are in the audit log.</MessageBarBody>
        </MessageBar>
      )}
      {asking ? (
        <form className={styles.root} onSubmit={submit} aria-label={`Restore ${subjectName}`}>
          {last === undefined && (
            <Field label="Reason" hint="Optional; recorded in the audit log.">
              <Input value={reason} onChange={(_event, data) => setReason(data.value)} />
            </Field>
          )}
          {bind.profilesLoading ? (
            <Spinner size="tiny" label="Reading the connection profiles…" />
          ) : (
            <BindFields
              profiles={bind.profiles}
              snapshotProfile={bind.snapshotProfile}
              value={bind.draft}
              onChange={bind.setDraft}
            />
          )}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={!bind.ready}>
              {changed.length > 0 ? 'Restore anyway' : 'Restore'}
            </Button>
            <Button onClick={onClose}>{last === undefined ? 'Cancel' : 'Close'}</Button>
          </div>
        </form>
      ) : (
        state.status !== 'running' && (
          <>
            <Body1>A password set by the containment cannot come back: set a new one where the account needs it.</Body1>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={onClose}>
                Close
              </Button>
            </div>
          </>
        )
      )}
    </div>
  );
}
