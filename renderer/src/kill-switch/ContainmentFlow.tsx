import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTask } from '../api/use-task';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { BindFields } from './BindFields';
import type { ContainmentPlan, ContainmentReport, ContainmentSelection } from './kill-switch-types';
import { PlanPreview } from './PlanPreview';
import { ResultsTable } from './ResultsTable';
import { SnapshotLagNote } from './SnapshotLagNote';
import { anyStep, DEFAULT_STEPS, StepsFields, stepsInput, type StepsDraft } from './StepsFields';
import { TicketsNote } from './TicketsNote';
import { useBind } from './use-bind';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Stage = { stage: 'form' } | { stage: 'planning' } | { stage: 'plan'; plan: ContainmentPlan };

interface Props {
  selection: ContainmentSelection;
  /** Names what is contained in labels: a sAMAccountName, or "12 accounts". */
  subjectName: string;
  onFinished?: (report: ContainmentReport) => void;
  onClose: () => void;
}

/**
 * The steps, the reason, the connection and the operator's password; then
 * the plan as AD has the accounts now; then, once confirmed (with the count
 * typed when there is more than one account), the run with its progress,
 * and each account's result.
 */
export function ContainmentFlow({ selection, subjectName, onFinished, onClose }: Props) {
  const styles = useStyles();
  const bind = useBind();
  const task = useTask('containAccounts');
  const [stage, setStage] = useState<Stage>({ stage: 'form' });
  const [steps, setSteps] = useState<StepsDraft>(DEFAULT_STEPS);
  const [reason, setReason] = useState('');
  const [typedCount, setTypedCount] = useState('');
  const [planError, setPlanError] = useState<WardenApiError | undefined>(undefined);

  const encrypted = bind.profile !== undefined && bind.profile.transport !== 'ldap';
  const ready =
    bind.ready &&
    reason.trim() !== '' &&
    anyStep(steps, encrypted) &&
    (!steps.quarantine || steps.quarantineOu.trim() !== '');

  const request = () => {
    return {
      ...bind.credentials(),
      reason: reason.trim(),
      steps: stepsInput(steps, encrypted),
      ...(selection.objectGuids === undefined ? {} : { objectGuids: selection.objectGuids }),
      ...(selection.filter === undefined ? {} : { filter: selection.filter }),
    };
  };

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setPlanError(undefined);
    setStage({ stage: 'planning' });
    try {
      const plan = await call('planContainment', request());
      setTypedCount('');
      setStage({ stage: 'plan', plan });
    } catch (caught) {
      setPlanError(toWardenApiError(caught));
      setStage({ stage: 'form' });
    }
  };

  const confirm = async (plan: ContainmentPlan) => {
    const input = request();
    // The password served this action's two binds; it is not kept for anything else.
    bind.forgetPassword();
    const outcome = await task.start({
      ...input,
      ...(plan.confirmCount > 1 ? { confirmCount: Number(typedCount) } : {}),
    });
    if (outcome.status === 'succeeded') onFinished?.(outcome.result);
  };

  const { state } = task;

  if (state.status !== 'idle') {
    return (
      <div className={styles.root} aria-live="polite">
        <TicketsNote />
        {state.status === 'running' && (
          <>
            <Field
              label={`Containing ${subjectName}`}
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
                value={
                  state.progress === undefined ? undefined : state.progress.done / Math.max(1, state.progress.total)
                }
              />
            </Field>
            <div className={styles.actions}>
              <Button onClick={() => void task.cancel()} disabled={state.cancelling}>
                Cancel the run
              </Button>
            </div>
          </>
        )}
        {state.status === 'succeeded' && (
          <ResultsTable
            label={`Results of containing ${subjectName}`}
            results={state.result.results}
            counts={state.result.counts}
            cancelled={state.result.cancelled}
          />
        )}
        {state.status === 'succeeded' && state.result.counts.done > 0 && <SnapshotLagNote />}
        {state.status === 'succeeded' && state.result.notes.length > 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{state.result.notes.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'failed' && <ErrorMessageBar title="The containment did not run" error={state.error} />}
        {state.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>
              Cancelled. The accounts handled before the cancel are in the audit log with their results.
            </MessageBarBody>
          </MessageBar>
        )}
        {state.status !== 'running' && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </div>
        )}
      </div>
    );
  }

  if (stage.stage === 'plan') {
    const { plan } = stage;
    const needsCount = plan.confirmCount > 1;
    const countTyped = !needsCount || typedCount.trim() === String(plan.confirmCount);
    return (
      <div className={styles.root}>
        <TicketsNote />
        <PlanPreview plan={plan} />
        {needsCount && (
          <Field
            label={`Type ${plan.confirmCount} to confirm the number of accounts`}
            required
            hint={`${plan.confirmCount.toLocaleString()} accounts are selected: a filter that matches more than meant stops here.`}
          >
            <Input inputMode="numeric" value={typedCount} onChange={(_event, data) => setTypedCount(data.value)} />
          </Field>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!countTyped || bind.draft.password === ''}
            onClick={() => void confirm(plan)}
          >
            Confirm
          </Button>
          <Button onClick={() => setStage({ stage: 'form' })}>Back</Button>
        </div>
      </div>
    );
  }

  return (
    <form className={styles.root} onSubmit={(event) => void preview(event)} aria-label={`Contain ${subjectName}`}>
      <TicketsNote />
      {bind.profilesError !== undefined && (
        <ErrorMessageBar title="Could not read the connection profiles" error={bind.profilesError} />
      )}
      {planError !== undefined && <ErrorMessageBar title="The plan could not be made" error={planError} />}
      <StepsFields value={steps} onChange={setSteps} encrypted={encrypted} disabled={stage.stage === 'planning'} />
      <Field label="Reason" required hint="Recorded in the audit log with every account, e.g. a ticket number.">
        <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} resize="vertical" />
      </Field>
      {bind.profilesLoading ? (
        <Spinner size="tiny" label="Reading the connection profiles…" />
      ) : (
        <BindFields
          profiles={bind.profiles}
          snapshotProfile={bind.snapshotProfile}
          value={bind.draft}
          onChange={bind.setDraft}
          disabled={stage.stage === 'planning'}
        />
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!ready || stage.stage === 'planning'}>
          {stage.stage === 'planning' ? 'Reading the accounts from AD…' : 'Preview the plan'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
