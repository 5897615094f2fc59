import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeft20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { AuditEntryRows } from './AuditEntryRows';
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from './AuditFilters';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pager: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: { overflowX: 'auto' },
});

/** The audit log, oldest first, a page at a time; each entry opens to its state before and after. */
export function AuditLogView() {
  const styles = useStyles();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  // The log pages by sequence number: the start of each page seen so far, to go back.
  const [starts, setStarts] = useState<number[]>([0]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const afterSeq = starts.at(-1) ?? 0;

  const load = useCallback(
    () =>
      call('listAuditLog', {
        afterSeq,
        limit: PAGE_SIZE,
        ...(filters.action === '' ? {} : { action: filters.action }),
        ...(filters.target.trim() === '' ? {} : { target: filters.target.trim() }),
        ...(filters.since === '' ? {} : { since: filters.since }),
      }),
    [afterSeq, filters],
  );
  const page = useWardenQuery(load);
  const entries = page.data?.entries ?? [];
  const next = page.data?.nextAfterSeq ?? null;

  const toggle = (seq: number) =>
    setExpanded((previous) => {
      const copy = new Set(previous);
      if (copy.has(seq)) copy.delete(seq);
      else copy.add(seq);
      return copy;
    });

  return (
    <div className={styles.root}>
      <AuditFilters
        value={filters}
        onApply={(value) => {
          setFilters(value);
          setStarts([0]);
        }}
      />
      {page.error !== undefined && (
        <ErrorMessageBar
          title="The audit log could not be read"
          error={page.error}
          actions={<Button onClick={page.reload}>Try again</Button>}
        />
      )}
      {page.data === undefined && page.loading && <Spinner label="Reading the audit log…" />}
      {page.data !== undefined && entries.length === 0 && (
        <Body1>
          {filters.action === '' && filters.target.trim() === '' && filters.since === ''
            ? 'The audit log is empty: entries appear when Warden changes something or records a decision.'
            : 'No entry matches these filters.'}
        </Body1>
      )}
      {entries.length > 0 && (
        <div className={styles.scroll}>
          <Table size="small" aria-label="Audit log entries">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Entry</TableHeaderCell>
                <TableHeaderCell>Time</TableHeaderCell>
                <TableHeaderCell>Operator</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
                <TableHeaderCell>Target</TableHeaderCell>
                <TableHeaderCell>Reason</TableHeaderCell>
                <TableHeaderCell>Result</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((entry) => (
                <AuditEntryRows
                  key={entry.seq}
                  entry={entry}
                  expanded={expanded.has(entry.seq)}
                  onToggle={() => toggle(entry.seq)}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {(starts.length > 1 || next !== null) && (
        <nav className={styles.pager} aria-label="Pages of audit entries">
          <Caption1 className={styles.muted}>Page {starts.length}</Caption1>
          <Button
            icon={<ChevronLeft20Regular />}
            disabled={starts.length === 1}
            onClick={() => setStarts((previous) => previous.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            icon={<ChevronRight20Regular />}
            iconPosition="after"
            disabled={next === null}
            onClick={() => next !== null && setStarts((previous) => [...previous, next])}
          >
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
