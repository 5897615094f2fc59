import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from './ErrorMessageBar';

interface Props {
  open: boolean;
  title: string;
  /** What goes and what stays, in words. */
  children: ReactNode;
  confirmLabel: string;
  /** Heads the error when the deletion fails, e.g. "The view was not deleted". */
  failureTitle: string;
  onDelete: () => Promise<void>;
  onClose: () => void;
}

/** Asks before deleting something kept on this computer; a failure stays in the dialog, in words. */
export function ConfirmDeleteDialog({ open, title, children, confirmLabel, failureTitle, onDelete, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onDelete();
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && close()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            {error !== undefined && <ErrorMessageBar title={failureTitle} error={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy}>
              {confirmLabel}
            </Button>
            <Button onClick={close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
