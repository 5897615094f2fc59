import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  tokens,
  useId,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Dismiss20Regular, ServerMultiple20Regular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { useSession } from '../app/session';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PlainTextBindDialog } from '../connection/PlainTextBindDialog';
import { ExactLastLogonResult } from './ExactLastLogonResult';
import { useExactLastLogon, type ExactLastLogonProgress, type ExactLastLogonSubject } from './use-exact-last-logon';

const loadProfiles = () => call('listProfiles', {});
const loadSnapshot = () => call('getLatestSnapshot', {});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function progressWords(progress: ExactLastLogonProgress | undefined, cancelling: boolean): string {
  if (cancelling) return 'Stopping…';
  if (progress === undefined) return 'Finding the domain controllers…';
  return `Asking ${progress.host} (${progress.dcIndex + 1} of ${progress.dcCount})…`;
}

function profileWords(profile: ConnectionProfile): string {
  return `${profile.name} (${profile.bindName} on ${profile.domain.trim() || profile.host})`;
}

interface Props extends ExactLastLogonSubject {
  /** Names the accounts in the button's accessible name: a sAMAccountName, or "3 accounts". */
  subjectName: string;
  /** The snapshot's verdict is approximate: asking is what settles it, so the button leads. */
  prominent?: boolean;
}

/**
 * Asks every domain controller for the exact lastLogon of accounts, which no
 * scan reads (each DC keeps its own and never replicates it), and shows what
 * each said and whether the snapshot's usage verdict holds. Nothing is saved:
 * the answer is for the user to read.
 */
export function ExactLastLogonButton({ objectGuids, snapshotId, subjectName, prominent = false }: Props) {
  const styles = useStyles();
  const reasonId = useId('exact-last-logon-reason');
  const { appInfo } = useSession();
  const profiles = useWardenQuery(loadProfiles);
  const latest = useWardenQuery(loadSnapshot);
  const flow = useExactLastLogon({ objectGuids, snapshotId });
  const { step, state } = flow;
  const [chosenId, setChosenId] = useState('');
  const [password, setPassword] = useState('');

  const saved = profiles.data ?? [];
  // The snapshot's own profile, when the account detail is of the latest snapshot and a profile made it.
  const snapshotProfileId = latest.data?.id === snapshotId ? latest.data.profileId : null;
  const snapshotProfile = saved.find((profile) => profile.id === snapshotProfileId);
  const chosen =
    snapshotProfile ?? saved.find((profile) => profile.id === chosenId) ?? (saved.length === 1 ? saved[0] : undefined);
  const needsPassword =
    step.step === 'choosing' && chosen !== undefined && (step.askPassword || !chosen.hasSavedPassword);

  const unavailable = appInfo.isDemo
    ? 'The demo domain has no domain controllers to ask.'
    : profiles.data !== undefined && saved.length === 0
      ? 'No connection profile is saved: add one in Settings to ask the domain controllers.'
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === undefined || (needsPassword && password === '')) return;
    const typed = needsPassword ? password : undefined;
    setPassword('');
    flow.ask(chosen, typed);
  };

  const close = () => {
    setPassword('');
    flow.close();
  };

  if (step.step === 'idle') {
    return (
      <div className={styles.root}>
        <div className={styles.actions}>
          <Button
            appearance={prominent ? 'primary' : 'secondary'}
            icon={<ServerMultiple20Regular />}
            disabledFocusable={unavailable !== undefined || profiles.data === undefined}
            aria-label={`Ask each domain controller for the last logon of ${subjectName}`}
            aria-describedby={reasonId}
            onClick={() => flow.begin(snapshotProfile)}
          >
            Ask each domain controller
          </Button>
        </div>
        <Caption1 id={reasonId} className={styles.muted}>
          {unavailable ??
            (prominent
              ? 'The snapshot’s lastLogonTimestamp can be days late. Each domain controller keeps the exact lastLogon of the logons it handled: asking them all settles the verdict.'
              : 'Each domain controller keeps the exact lastLogon of the logons it handled; the snapshot holds the replicated lastLogonTimestamp, which can be days late.')}
        </Caption1>
        {profiles.error !== undefined && (
          <ErrorMessageBar title="Could not read connection profiles" error={profiles.error} />
        )}
      </div>
    );
  }

  return (
    <div className={styles.panel} aria-live="polite">
      {step.step === 'choosing' && (
        <form className={styles.root} onSubmit={submit} aria-label={`Ask each domain controller about ${subjectName}`}>
          {step.error !== undefined && (
            <ErrorMessageBar
              title={
                step.error.code === 'INVALID_CREDENTIALS'
                  ? 'The domain controllers refused the password'
                  : 'A bind password is needed'
              }
              error={step.error}
            />
          )}
          {snapshotProfile !== undefined ? (
            <Body1>Connection profile: {profileWords(snapshotProfile)}, the one this snapshot was scanned with.</Body1>
          ) : (
            <Field
              label="Connection profile"
              required
              hint="Its bind account is used on every domain controller of its domain."
            >
              <Select value={chosen?.id ?? ''} onChange={(_event, data) => setChosenId(data.value)}>
                {chosen === undefined && <option value="">Choose a profile</option>}
                {saved.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profileWords(profile)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {needsPassword && (
            <Field
              label="Bind password"
              required
              hint={`The password of ${chosen.bindName}, sent to each domain controller for this request only. To keep it, save it in the profile.`}
            >
              <Input
                type="password"
                value={password}
                onChange={(_event, data) => setPassword(data.value)}
                autoComplete="current-password"
                autoFocus
              />
            </Field>
          )}
          <div className={styles.actions}>
            <Button
              type="submit"
              appearance="primary"
              disabled={chosen === undefined || (needsPassword && password === '')}
            >
              Ask
            </Button>
            <Button onClick={close}>Cancel</Button>
          </div>
        </form>
      )}

      {step.step === 'asking' && state.status === 'running' && (
        <>
          <Field
            label="Asking the domain controllers"
            validationMessage={progressWords(state.progress, state.cancelling)}
            validationState="none"
          >
            <ProgressBar
              value={state.progress === undefined ? undefined : state.progress.dcIndex / state.progress.dcCount}
              thickness="large"
            />
          </Field>
          <div className={styles.actions}>
            <Button icon={<Dismiss20Regular />} onClick={() => void flow.cancel()} disabled={state.cancelling}>
              Stop asking
            </Button>
          </div>
        </>
      )}

      {step.step === 'asking' && state.status === 'succeeded' && (
        <>
          <ExactLastLogonResult report={state.result} />
          <Caption1 className={styles.muted}>
            Asked through profile {step.profile.name}. Nothing was saved: the next scan reads the snapshot’s values
            again.
          </Caption1>
        </>
      )}

      {step.step === 'asking' && state.status === 'failed' && (
        <ErrorMessageBar title="The domain controllers could not be asked" error={state.error} />
      )}

      {step.step === 'asking' && state.status === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>Stopped before every domain controller had answered.</MessageBarBody>
        </MessageBar>
      )}

      {step.step === 'asking' && state.status !== 'running' && (
        <div className={styles.actions}>
          <Button icon={<ArrowClockwise20Regular />} onClick={() => flow.begin(snapshotProfile ?? step.profile)}>
            Ask again
          </Button>
          <Button onClick={close}>Close</Button>
        </div>
      )}

      <PlainTextBindDialog
        bind={step.step === 'confirming-plain-text' ? step.profile : undefined}
        onConfirm={flow.confirmPlainText}
        onCancel={close}
      />
    </div>
  );
}
