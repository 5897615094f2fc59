import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { LockClosed24Regular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { StoreStatus } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

const useStyles = makeStyles({
  page: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: '100%', maxWidth: '560px', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

interface Props {
  store: StoreStatus;
  onUnlocked: (store: StoreStatus) => void;
}

/**
 * Shown when the OS keystore cannot hold the store's key: the passphrase opens
 * the encrypted store, or creates it on first start. Length rules come from
 * the contract, so the core's own validation message is what the user sees.
 */
export function UnlockScreen({ store, onUnlocked }: Props) {
  const styles = useStyles();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  // A store that does not exist yet is being created: the passphrase is chosen, so it is typed twice.
  const creating = !store.exists;
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  // The contract's rule for the passphrase, as the core reported it, also shown at the field.
  const fieldProblem = error?.issues.find((issue) => issue.startsWith('passphrase: '))?.slice('passphrase: '.length);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setMismatch(creating && passphrase !== confirmation);
    if (creating && passphrase !== confirmation) return;
    setBusy(true);
    try {
      const status = await call('unlockStore', { passphrase });
      setPassphrase('');
      setConfirmation('');
      onUnlocked(status);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} aria-labelledby="unlock-title" noValidate>
          <div className={styles.heading}>
            <LockClosed24Regular aria-hidden="true" />
            <Title2 as="h1" id="unlock-title">
              {creating ? 'Choose a passphrase' : 'Unlock Warden'}
            </Title2>
          </div>
          <Body1>
            Warden keeps its inventory, connection profiles and audit log in an encrypted database on this computer.
            {creating
              ? ' Choose the passphrase that will protect it. Remember it: it cannot be recovered, and without it the data cannot be read.'
              : ' Enter the passphrase that protects it.'}
          </Body1>
          {store.warning !== undefined && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This computer cannot protect the key for you</MessageBarTitle>
                {store.warning}
              </MessageBarBody>
            </MessageBar>
          )}
          <Field
            label="Passphrase"
            hint="At least 12 characters."
            required
            validationMessage={fieldProblem}
            validationState={fieldProblem === undefined ? 'none' : 'error'}
          >
            <Input
              type="password"
              value={passphrase}
              onChange={(_event, data) => setPassphrase(data.value)}
              autoComplete={creating ? 'new-password' : 'current-password'}
              autoFocus
            />
          </Field>
          {creating && (
            <Field
              label="Confirm passphrase"
              required
              validationMessage={mismatch ? 'The two passphrases differ.' : undefined}
              validationState={mismatch ? 'error' : 'none'}
            >
              <Input
                type="password"
                value={confirmation}
                onChange={(_event, data) => setConfirmation(data.value)}
                autoComplete="new-password"
              />
            </Field>
          )}
          {error !== undefined && <ErrorMessageBar title="The store did not open" error={error} />}
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={busy}>
              {busy ? 'Opening…' : creating ? 'Create encrypted store' : 'Unlock'}
            </Button>
          </div>
          <Caption1 className={styles.muted}>Store: {store.path}</Caption1>
        </form>
      </Card>
    </main>
  );
}
