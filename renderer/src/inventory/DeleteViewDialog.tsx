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
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { SavedView } from './inventory-types';

interface Props {
  view: SavedView | undefined;
  onDelete: (view: SavedView) => Promise<void>;
  onClose: () => void;
}

export function DeleteViewDialog({ view, onDelete, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const confirm = async () => {
    if (view === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      await onDelete(view);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={view !== undefined} onOpenChange={(_event, data) => !data.open && onClose()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete the view “{view?.name}”?</DialogTitle>
          <DialogContent>
            Only the saved filters, order and columns go; no account or finding changes.
            {error !== undefined && <ErrorMessageBar title="The view was not deleted" error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy}>
              Delete view
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
