import {
  Body1,
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { AccountState, RestoreReport } from './kill-switch-types';
import { RestoreFlow } from './RestoreFlow';
import { StateFacts } from './StateFacts';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  prior: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Props {
  /**
   * Kept mounted and toggled: a dialog unmounted while open leaves the drawer
   * under it hidden from assistive technology.
   */
  open: boolean;
  objectGuid: string;
  samAccountName: string;
  /** The state the audit log recorded before the containment, when it holds one. */
  prior: AccountState | undefined;
  /** When that containment was recorded. */
  containedAt: string | undefined;
  onFinished: (report: RestoreReport) => void;
  onClose: () => void;
}

/** Undoing the kill switch for one account, over its detail. */
export function RestoreDialog({ open, objectGuid, samAccountName, prior, containedAt, onFinished, onClose }: Props) {
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label={`Restore ${samAccountName}`}>
        <DialogBody>
          <DialogTitle
            action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
          >
            Restore {samAccountName}
          </DialogTitle>
          <DialogContent>
            <RestoreFlow
              objectGuids={[objectGuid]}
              subjectName={samAccountName}
              onFinished={onFinished}
              onClose={onClose}
              prior={
                prior === undefined ? undefined : (
                  <div className={styles.prior}>
                    <Body1>
                      As the audit log recorded it before the containment
                      {containedAt === undefined ? '' : ` of ${new Date(containedAt).toLocaleString()}`}:
                    </Body1>
                    <StateFacts state={prior} label={`Recorded prior state of ${samAccountName}`} />
                  </div>
                )
              }
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
