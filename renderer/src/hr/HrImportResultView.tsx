import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, tokens } from '@fluentui/react-components';
import type { HrImportResult } from './hr-fields';
import { HrRowIssuesTable } from './HrRowIssuesTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

/** What an import read, kept and skipped, row by row. */
export function HrImportResultView({ result }: { result: HrImportResult }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    ['File', result.fileName + (result.sheet === undefined ? '' : `, sheet “${result.sheet}”`)],
    ['Rows read', result.rows.toLocaleString()],
    ['Imported', result.imported.toLocaleString()],
    ['Skipped', result.errorCount.toLocaleString()],
    ['Warnings', result.warningCount.toLocaleString()],
  ];
  return (
    <div className={styles.root}>
      <MessageBar intent={result.errorCount === 0 ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {result.imported.toLocaleString()} {result.imported === 1 ? 'employee' : 'employees'} imported
          </MessageBarTitle>
          {result.errorCount === 0
            ? 'This list is now the current HR list.'
            : `${result.errorCount.toLocaleString()} invalid ${result.errorCount === 1 ? 'row was' : 'rows were'} skipped; the other rows are now the current HR list.`}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.list} aria-label="Import summary">
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {result.errors.length > 0 && (
        <>
          <Subtitle2 as="h3">Skipped rows</Subtitle2>
          <HrRowIssuesTable label="Skipped rows" issues={result.errors} total={result.errorCount} />
        </>
      )}
      {result.warnings.length > 0 && (
        <>
          <Subtitle2 as="h3">Warnings (the rows were imported)</Subtitle2>
          <HrRowIssuesTable label="Warnings" issues={result.warnings} total={result.warningCount} />
        </>
      )}
    </div>
  );
}
