import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Prohibited20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { BulkChooser } from './BulkChooser';
import { choiceWords, viewObjectGuids, type BulkChoice } from './bulk-selection';
import { ContainmentFlow } from './ContainmentFlow';
import type { ContainmentReport, ContainmentSelection } from './kill-switch-types';
import { rememberBulkAction } from './last-bulk-action';
import { MatchingAccounts } from './MatchingAccounts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

type Acting = { step: 'resolving' } | { step: 'flow'; selection: ContainmentSelection };

/** Disabling every account of a saved view or a filter expression, with the count typed as confirmation. */
export function BulkDisable() {
  const styles = useStyles();
  const [choice, setChoice] = useState<BulkChoice | undefined>(undefined);
  const [count, setCount] = useState<number | undefined>(undefined);
  const [acting, setActing] = useState<Acting | undefined>(undefined);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);
  const onCount = useCallback((value: number | undefined) => setCount(value), []);

  const begin = async (chosen: BulkChoice) => {
    setError(undefined);
    if (chosen.kind === 'filter') {
      // The core applies the expression itself, to the same latest snapshot.
      setActing({ step: 'flow', selection: { filter: chosen.filter } });
      return;
    }
    setActing({ step: 'resolving' });
    try {
      setActing({ step: 'flow', selection: { objectGuids: await viewObjectGuids(chosen.criteria) } });
    } catch (caught) {
      setError(toWardenApiError(caught));
      setActing(undefined);
    }
  };

  const finished = (chosen: BulkChoice) => (report: ContainmentReport) => {
    const acted = report.results.filter((result) => result.steps.some((step) => step.status === 'applied'));
    if (acted.length === 0) return;
    rememberBulkAction({
      at: new Date().toISOString(),
      reason: report.reason,
      selection: choiceWords(chosen),
      objectGuids: acted.map((result) => result.objectGuid),
      samAccountNames: acted.map((result) => result.samAccountName),
    });
  };

  const subject =
    count === undefined ? 'the accounts' : `${count.toLocaleString()} ${count === 1 ? 'account' : 'accounts'}`;

  return (
    <div className={styles.root}>
      <BulkChooser
        disabled={acting !== undefined}
        onChoose={(next) => {
          setCount(undefined);
          setChoice(next);
        }}
      />
      {choice !== undefined && <MatchingAccounts choice={choice} onCount={onCount} />}
      {error !== undefined && <ErrorMessageBar title="The accounts of the view could not be read" error={error} />}
      {choice !== undefined && acting === undefined && count !== undefined && count > 0 && (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Prohibited20Regular />} onClick={() => void begin(choice)}>
            {`Disable ${subject}…`}
          </Button>
        </div>
      )}
      {acting?.step === 'resolving' && <Spinner size="small" label="Reading the accounts of the view…" />}
      {choice !== undefined && acting?.step === 'flow' && (
        <section className={styles.panel} aria-label={`Disable ${subject}`}>
          <ContainmentFlow
            selection={acting.selection}
            subjectName={subject}
            onFinished={finished(choice)}
            onClose={() => setActing(undefined)}
          />
        </section>
      )}
    </div>
  );
}
