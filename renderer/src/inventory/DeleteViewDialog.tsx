import { ConfirmDeleteDialog } from '../components/ConfirmDeleteDialog';
import type { SavedView } from './inventory-types';

interface Props {
  view: SavedView | undefined;
  onDelete: (view: SavedView) => Promise<void>;
  onClose: () => void;
}

export function DeleteViewDialog({ view, onDelete, onClose }: Props) {
  return (
    <ConfirmDeleteDialog
      open={view !== undefined}
      title={`Delete the view “${view?.name ?? ''}”?`}
      confirmLabel="Delete view"
      failureTitle="The view was not deleted"
      onDelete={async () => {
        if (view !== undefined) await onDelete(view);
      }}
      onClose={onClose}
    >
      Only the saved filters, order and columns go; no account or finding changes.
    </ConfirmDeleteDialog>
  );
}
