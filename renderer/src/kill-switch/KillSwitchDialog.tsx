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
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  narrow: { maxWidth: '760px', width: '100%' },
  wide: { maxWidth: '860px', width: '100%' },
});

interface Props {
  open: boolean;
  /** The dialog's title and accessible name, e.g. "Disable svc-backup". */
  title: string;
  /** Wide for tables of many accounts. */
  width?: 'narrow' | 'wide';
  onClose: () => void;
  children: ReactNode;
}

/**
 * The frame of every kill switch dialog: an alert dialog (it changes the
 * directory) that closes from its title bar or with Esc.
 */
export function KillSwitchDialog({ open, title, width = 'narrow', onClose, children }: Props) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles[width]} aria-label={title}>
        <DialogBody>
          <DialogTitle
            action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
          >
            {title}
          </DialogTitle>
          <DialogContent>{children}</DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
