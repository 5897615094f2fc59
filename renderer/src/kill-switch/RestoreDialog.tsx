import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { AccountState, RestoreReport } from './kill-switch-types';
import { KillSwitchDialog } from './KillSwitchDialog';
import { RestoreFlow } from './RestoreFlow';
import { StateFacts } from './StateFacts';

const useStyles = makeStyles({
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
    <KillSwitchDialog open={open} title={`Restore ${samAccountName}`} onClose={onClose}>
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
    </KillSwitchDialog>
  );
}
