import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { AccountResult } from './kill-switch-types';
import { STATE_FIELD_LABELS } from './labels';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

interface Props {
  /** The accounts refused because they changed since their containment. */
  changed: AccountResult[];
}

/** What changed on each account after Warden contained it: restoring would overwrite it. */
export function DifferencesTable({ changed }: Props) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Changes since the containment">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Account</TableHeaderCell>
          <TableHeaderCell>Field</TableHeaderCell>
          <TableHeaderCell>After the containment</TableHeaderCell>
          <TableHeaderCell>Now, overwritten by restoring</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changed.flatMap((result) => {
          const differences = result.refusal?.differences ?? [];
          // Without the state the containment left there is nothing to compare: the refusal says so.
          if (differences.length === 0) {
            return [
              <TableRow key={result.objectGuid}>
                <TableCell className={styles.mono}>{result.samAccountName}</TableCell>
                <TableCell colSpan={3}>{result.refusal?.message}</TableCell>
              </TableRow>,
            ];
          }
          return differences.map((difference) => (
            <TableRow key={`${result.objectGuid}:${difference.field}`}>
              <TableCell className={styles.mono}>{result.samAccountName}</TableCell>
              <TableCell>{STATE_FIELD_LABELS[difference.field] ?? difference.field}</TableCell>
              <TableCell className={styles.mono}>{difference.expected}</TableCell>
              <TableCell className={styles.mono}>{difference.actual}</TableCell>
            </TableRow>
          ));
        })}
      </TableBody>
    </Table>
  );
}
