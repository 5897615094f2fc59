import {
  Badge,
  Body1Strong,
  Caption1,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountResult, ResultKind } from './kill-switch-types';
import { GUARDRAIL_LABELS, RESULT_COLORS, RESULT_LABELS, STEP_LABELS, STEP_STATUS_LABELS, summaryLine } from './labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Steps and messages quote DNs, which have no spaces to break at.
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  scroll: { maxHeight: '420px', overflowY: 'auto' },
  filter: { maxWidth: '240px' },
  block: { display: 'block', marginTop: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

interface Props {
  results: AccountResult[];
  counts: Record<ResultKind, number>;
  cancelled: boolean;
  /** Names the table, e.g. "Results of the containment". */
  label: string;
}

/** What happened to each account, filterable by result, under a summary line. */
export function ResultsTable({ results, counts, cancelled, label }: Props) {
  const styles = useStyles();
  const [shown, setShown] = useState<ResultKind | 'all'>('all');
  const rows = shown === 'all' ? results : results.filter((result) => result.result === shown);
  return (
    <section className={styles.root} aria-label={label}>
      <Body1Strong role="status">{summaryLine(counts, cancelled)}</Body1Strong>
      {results.length > 1 && (
        <Field label="Show" className={styles.filter}>
          <Select value={shown} onChange={(_event, data) => setShown(data.value as ResultKind | 'all')}>
            <option value="all">All results</option>
            {(Object.keys(RESULT_LABELS) as ResultKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {RESULT_LABELS[kind]} ({counts[kind].toLocaleString()})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.scroll}>
        <Table size="small" aria-label={label}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Result</TableHeaderCell>
              <TableHeaderCell>Steps</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((result) => (
              <TableRow key={result.objectGuid}>
                <TableCell>
                  <span className={styles.mono}>{result.samAccountName}</span>
                </TableCell>
                <TableCell>
                  <Badge appearance="filled" color={RESULT_COLORS[result.result]}>
                    {RESULT_LABELS[result.result]}
                  </Badge>
                  {result.refusal !== null && (
                    <Caption1 as="p" className={styles.block}>
                      Guardrail: {GUARDRAIL_LABELS[result.refusal.guardrail]}
                    </Caption1>
                  )}
                  <Caption1 as="p" className={styles.block}>
                    {result.message}
                  </Caption1>
                </TableCell>
                <TableCell>
                  {result.steps.length === 0 ? (
                    <Caption1 className={styles.muted}>No step attempted.</Caption1>
                  ) : (
                    <ul className={styles.list}>
                      {result.steps.map((step) => (
                        <li key={step.step}>
                          {STEP_LABELS[step.step]}: {STEP_STATUS_LABELS[step.status]}
                          {step.detail === '' ? '' : ` — ${step.detail}`}
                          {step.error !== undefined && ` (${step.error.message})`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {result.notes.map((note) => (
                    <Caption1 as="p" key={note} className={styles.muted}>
                      {note}
                    </Caption1>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
