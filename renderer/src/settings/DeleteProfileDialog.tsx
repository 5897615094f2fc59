import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

interface Props {
  profile: ConnectionProfile | undefined;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteProfileDialog({ profile, onClose, onDeleted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const confirm = async () => {
    if (profile === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      await call('deleteProfile', { id: profile.id });
      onDeleted();
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={profile !== undefined} onOpenChange={(_event, data) => !data.open && close()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{profile?.name}”?</DialogTitle>
          <DialogContent>
            The connection profile for {profile?.host} will be removed from this computer. Nothing changes in the
            directory.
            {error !== undefined && <ErrorMessageBar title="The profile was not deleted" error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy}>
              Delete
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
