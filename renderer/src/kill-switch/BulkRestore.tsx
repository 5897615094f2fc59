import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndo20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useLastBulkAction } from './last-bulk-action';
import { RestoreFlow } from './RestoreFlow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Undoing the last bulk containment of this session, account by account as the audit log recorded them. */
export function BulkRestore() {
  const styles = useStyles();
  const last = useLastBulkAction();
  const [open, setOpen] = useState<string | undefined>(undefined);

  if (last === undefined) {
    return (
      <Body1 className={styles.muted}>
        No bulk action yet in this session. A single account is restored from its detail in the Inventory; every
        containment is in the audit log.
      </Body1>
    );
  }
  const count = last.objectGuids.length;
  const subject = `${count.toLocaleString()} ${count === 1 ? 'account' : 'accounts'}`;
  return (
    <div className={styles.root}>
      <Body1>
        Last bulk action: {subject} of {last.selection}, on {new Date(last.at).toLocaleString()}, for “{last.reason}”.
      </Body1>
      <Caption1 className={styles.muted}>{last.samAccountNames.slice(0, 20).join(', ')}</Caption1>
      {open === last.at ? (
        <RestoreFlow objectGuids={last.objectGuids} subjectName={subject} onClose={() => setOpen(undefined)} />
      ) : (
        <div className={styles.actions}>
          <Button icon={<ArrowUndo20Regular />} onClick={() => setOpen(last.at)}>
            {`Restore these ${subject}…`}
          </Button>
        </div>
      )}
    </div>
  );
}
