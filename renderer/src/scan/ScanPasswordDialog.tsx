import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import type { WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  /** The profile to scan; undefined keeps the dialog closed. */
  profile: ConnectionProfile | undefined;
  /** Why the password is asked again (the last one was missing or refused), if it is. */
  error: WardenApiError | undefined;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}

/**
 * The bind password for one scan. It goes to the core with this scan and is
 * kept nowhere: remembering it is a choice made on the profile itself.
 */
export function ScanPasswordDialog({ profile, error, onSubmit, onCancel }: Props) {
  const styles = useStyles();
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password === '') return;
    const typed = password;
    setPassword('');
    onSubmit(typed);
  };

  const cancel = () => {
    setPassword('');
    onCancel();
  };

  return (
    <Dialog open={profile !== undefined} onOpenChange={(_event, data) => !data.open && cancel()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Bind password for “{profile?.name}”</DialogTitle>
            <DialogContent className={styles.content}>
              {error !== undefined && <ErrorMessageBar title="The scan could not bind" error={error} />}
              <Field
                label="Password"
                required
                hint={`The password of ${profile?.bindName ?? 'the bind account'} on ${profile?.host ?? 'the domain controller'}, used for this scan only. To keep it, save it in the profile.`}
              >
                <Input
                  type="password"
                  value={password}
                  onChange={(_event, data) => setPassword(data.value)}
                  autoComplete="current-password"
                  autoFocus
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={password === ''}>
                Scan
              </Button>
              <Button onClick={cancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
