import {
  Body1Strong,
  Caption1,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { OWNER_STATUS_LABELS, TYPE_LABELS } from '../risk/labels';
import { choiceWords, type BulkChoice } from './bulk-selection';

const SHOWN = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { maxHeight: '320px', overflowY: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  choice: BulkChoice;
  /** The number of accounts, once known. */
  onCount: (count: number | undefined) => void;
}

/** The accounts of the latest snapshot the choice selects, and how many. */
export function MatchingAccounts({ choice, onCount }: Props) {
  const styles = useStyles();
  const load = useCallback(async () => {
    try {
      const page = await call('listAssessedAccounts', { ...choice.criteria, offset: 0, limit: SHOWN });
      onCount(page.total);
      return page;
    } catch (error) {
      onCount(undefined);
      throw error;
    }
  }, [choice, onCount]);
  const page = useWardenQuery(load);

  if (page.error !== undefined) {
    return <ErrorMessageBar title={`The accounts of ${choiceWords(choice)} could not be listed`} error={page.error} />;
  }
  if (page.data === undefined) return <Spinner size="small" label="Listing the matching accounts…" />;
  const { total, rows } = page.data;
  return (
    <section className={styles.root} aria-label="Matching accounts">
      <Body1Strong role="status">
        {total.toLocaleString()} {total === 1 ? 'account matches' : 'accounts match'} {choiceWords(choice)} in the
        latest snapshot.
      </Body1Strong>
      {rows.length > 0 && (
        <div className={styles.scroll}>
          <Table size="small" aria-label="Matching accounts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Account</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Owner</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.objectGuid}>
                  <TableCell className={styles.mono}>{row.samAccountName}</TableCell>
                  <TableCell>{TYPE_LABELS[row.type]}</TableCell>
                  <TableCell>
                    {row.owner ?? 'No owner'} ({OWNER_STATUS_LABELS[row.ownerStatus]})
                  </TableCell>
                  <TableCell>{row.enabled ? 'Enabled' : 'Disabled'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {total > rows.length && (
        <Caption1 className={styles.muted}>
          The first {rows.length.toLocaleString()} are listed; all {total.toLocaleString()} are acted on.
        </Caption1>
      )}
    </section>
  );
}
