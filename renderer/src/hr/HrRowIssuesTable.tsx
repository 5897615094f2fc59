import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { HrRowIssue } from './hr-fields';

const useStyles = makeStyles({
  scroll: { maxHeight: '240px', overflowY: 'auto' },
  row: { width: '64px' },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  label: string;
  issues: HrRowIssue[];
  /** How many there are in all; the core lists only the first ones. */
  total: number;
}

/** Rows of the file the import skipped or warned about: where, what it held and why. */
export function HrRowIssuesTable({ label, issues, total }: Props) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.scroll}>
        <Table aria-label={label} size="extra-small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.row}>Row</TableHeaderCell>
              <TableHeaderCell>Column</TableHeaderCell>
              <TableHeaderCell>Value</TableHeaderCell>
              <TableHeaderCell>Reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {issues.map((issue, index) => (
              <TableRow key={`${issue.row}-${index}`}>
                <TableCell className={styles.row}>{issue.row}</TableCell>
                <TableCell>{issue.column ?? <span className={styles.muted}>—</span>}</TableCell>
                <TableCell className={styles.value}>{issue.value ?? ''}</TableCell>
                <TableCell>{issue.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {total > issues.length && (
        <Caption1 className={styles.muted}>
          The first {issues.length.toLocaleString()} of {total.toLocaleString()} are listed.
        </Caption1>
      )}
    </>
  );
}
