import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { ContainmentFlow } from './ContainmentFlow';
import type { ContainmentReport } from './kill-switch-types';

const useStyles = makeStyles({ surface: { maxWidth: '760px', width: '100%' } });

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
  const styles = useStyles();
  const selection = useMemo(() => ({ objectGuids: [objectGuid] }), [objectGuid]);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label={`Disable ${samAccountName}`}>
        <DialogBody>
          <DialogTitle
            action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
          >
            Disable {samAccountName}
          </DialogTitle>
          <DialogContent>
            <ContainmentFlow
              selection={selection}
              subjectName={samAccountName}
              onFinished={onFinished}
              onClose={onClose}
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
