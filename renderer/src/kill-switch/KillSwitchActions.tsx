import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndo20Regular, Prohibited20Regular } from '@fluentui/react-icons';
import { useCallback, useRef, useState } from 'react';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { DisableDialog } from './DisableDialog';
import { asAccountState, entryObjectGuid, openContainments } from './recorded-state';
import { RestoreDialog } from './RestoreDialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  objectGuid: string;
  samAccountName: string;
  /** Demo data has no directory to change. */
  unavailable?: string;
}

/** Disable (and, when the audit log holds a containment of the account, restore) from its detail. */
export function KillSwitchActions({ objectGuid, samAccountName, unavailable }: Props) {
  const styles = useStyles();
  const load = useCallback(
    () => call('listAuditLog', { action: 'kill-switch', target: objectGuid, limit: 1000 }),
    [objectGuid],
  );
  const history = useWardenQuery(load);
  const [open, setOpen] = useState<'disable' | 'restore' | undefined>(undefined);
  const disableButton = useRef<HTMLButtonElement>(null);
  // Focus back in the drawer once the dialog has gone: the drawer's focus trap
  // only shows its content to assistive technology again when focus enters it.
  const close = useCallback(() => {
    setOpen(undefined);
    requestAnimationFrame(() => disableButton.current?.focus());
  }, []);
  // The log may also hold entries whose target only mentions this GUID; keep the account's own.
  const entries = (history.data?.entries ?? []).filter((entry) => entryObjectGuid(entry) === objectGuid);
  const containments = openContainments(entries);
  const first = containments[0];

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button
          ref={disableButton}
          icon={<Prohibited20Regular />}
          disabledFocusable={unavailable !== undefined}
          aria-label={`Disable ${samAccountName}…`}
          onClick={() => setOpen('disable')}
        >
          Disable…
        </Button>
        {first !== undefined && (
          <Button
            icon={<ArrowUndo20Regular />}
            disabledFocusable={unavailable !== undefined}
            aria-label={`Restore ${samAccountName}…`}
            onClick={() => setOpen('restore')}
          >
            Restore…
          </Button>
        )}
      </div>
      <Caption1 className={styles.muted}>
        {unavailable ??
          (first === undefined
            ? 'The kill switch reads the account from AD, shows the plan, then acts with your password and a reason.'
            : `Contained on ${new Date(first.at).toLocaleString()} by ${first.actor}: the audit log holds what to put back.`)}
      </Caption1>
      {history.error !== undefined && <ErrorMessageBar title="Could not read the audit log" error={history.error} />}
      <DisableDialog
        open={open === 'disable'}
        objectGuid={objectGuid}
        samAccountName={samAccountName}
        onFinished={history.reload}
        onClose={close}
      />
      <RestoreDialog
        open={open === 'restore'}
        objectGuid={objectGuid}
        samAccountName={samAccountName}
        prior={first === undefined ? undefined : asAccountState(first.before)}
        containedAt={first?.at}
        onFinished={history.reload}
        onClose={close}
      />
    </div>
  );
}
