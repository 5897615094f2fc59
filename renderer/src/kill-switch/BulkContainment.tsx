import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useWardenQuery } from '../api/use-warden-query';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { choiceWords, containmentSelection, type BulkChoice } from './bulk-selection';
import { ContainmentFlow } from './ContainmentFlow';
import type { ContainmentReport } from './kill-switch-types';
import { rememberBulkAction } from './last-bulk-action';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface Props {
  choice: BulkChoice;
  /** Names the accounts in labels, e.g. "12 accounts". */
  subjectName: string;
  onFinished?: (report: ContainmentReport) => void;
  onClose: () => void;
}

/**
 * The containment of a bulk choice: its accounts named (a view or every row
 * matching the Inventory's filters is read only now), then the kill switch's
 * flow for them; what it acted on becomes the session's last bulk action,
 * which the Actions page restores. Mounted for one choice: another choice is
 * another containment.
 */
export function BulkContainment({ choice, subjectName, onFinished, onClose }: Props) {
  const styles = useStyles();
  const load = useCallback(() => containmentSelection(choice), [choice]);
  const resolved = useWardenQuery(load);

  const finished = useCallback(
    (report: ContainmentReport) => {
      const acted = report.results.filter((result) => result.steps.some((step) => step.status === 'applied'));
      if (acted.length > 0) {
        rememberBulkAction({
          at: new Date().toISOString(),
          reason: report.reason,
          selection: choiceWords(choice),
          objectGuids: acted.map((result) => result.objectGuid),
          samAccountNames: acted.map((result) => result.samAccountName),
        });
      }
      onFinished?.(report);
    },
    [choice, onFinished],
  );

  const selection = resolved.data;
  if (selection !== undefined && selection.objectGuids?.length !== 0) {
    return <ContainmentFlow selection={selection} subjectName={subjectName} onFinished={finished} onClose={onClose} />;
  }
  return (
    <div className={styles.root}>
      {resolved.error === undefined && selection === undefined && (
        <Spinner size="small" label={`Reading the accounts of ${choiceWords(choice)}…`} />
      )}
      {resolved.error !== undefined && (
        <ErrorMessageBar title={`The accounts of ${choiceWords(choice)} could not be read`} error={resolved.error} />
      )}
      {selection !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>No account of the latest snapshot is selected any more: nothing to disable.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={onClose}>
          {selection === undefined && resolved.error === undefined ? 'Cancel' : 'Close'}
        </Button>
      </div>
    </div>
  );
}
