import { useMemo } from 'react';
import { ContainmentFlow } from './ContainmentFlow';
import { KillSwitchDialog } from './KillSwitchDialog';
import type { ContainmentReport } from './kill-switch-types';

interface Props {
  /**
   * Kept mounted and toggled: a dialog unmounted while open leaves the drawer
   * under it hidden from assistive technology.
   */
  open: boolean;
  objectGuid: string;
  samAccountName: string;
  onFinished: (report: ContainmentReport) => void;
  onClose: () => void;
}

/** The kill switch for one account, over its detail. */
export function DisableDialog({ open, objectGuid, samAccountName, onFinished, onClose }: Props) {
  const selection = useMemo(() => ({ objectGuids: [objectGuid] }), [objectGuid]);
  return (
    <KillSwitchDialog open={open} title={`Disable ${samAccountName}`} onClose={onClose}>
      <ContainmentFlow selection={selection} subjectName={samAccountName} onFinished={onFinished} onClose={onClose} />
    </KillSwitchDialog>
  );
}
