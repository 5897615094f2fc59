import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { ConfirmDeleteDialog } from '../components/ConfirmDeleteDialog';

interface Props {
  profile: ConnectionProfile | undefined;
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteProfileDialog({ profile, onClose, onDeleted }: Props) {
  return (
    <ConfirmDeleteDialog
      open={profile !== undefined}
      title={`Delete “${profile?.name ?? ''}”?`}
      confirmLabel="Delete"
      failureTitle="The profile was not deleted"
      onDelete={async () => {
        if (profile === undefined) return;
        await call('deleteProfile', { id: profile.id });
        onDeleted();
      }}
      onClose={onClose}
    >
      The connection profile for {profile?.host} will be removed from this computer. Nothing changes in the directory.
    </ConfirmDeleteDialog>
  );
}
