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
} from '@fluentui/react-components';
import { useState } from 'react';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';

interface Props {
  open: boolean;
  /** The active view's name, offered to save it again. */
  initialName: string;
  /** Whether a saved view already has the name typed (it is then replaced). */
  existing: (name: string) => boolean;
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}

/** Names the view in force (criteria, order, columns) and saves it in the encrypted store. */
export function SaveViewDialog({ open, initialName, existing, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);
  const [wasOpen, setWasOpen] = useState(open);
  // Each opening starts from the active view's name.
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) {
      setName(initialName);
      setError(undefined);
    }
  }
  const trimmed = name.trim();

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave(trimmed);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed !== '' && !busy) void save();
          }}
        >
          <DialogBody>
            <DialogTitle>Save the view</DialogTitle>
            <DialogContent>
              <Field
                label="View name"
                hint={
                  existing(trimmed)
                    ? 'A view already has this name: saving replaces it.'
                    : 'Keeps the filters, the order and the columns shown, in the encrypted store.'
                }
              >
                <Input value={name} maxLength={100} onChange={(_event, data) => setName(data.value)} />
              </Field>
              {error !== undefined && <ErrorMessageBar title="The view was not saved" error={error} />}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={trimmed === '' || busy}>
                Save view
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
