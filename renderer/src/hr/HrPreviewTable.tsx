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
import { HR_FIELD_LABELS, HR_FIELDS, type HrMapping, type HrPreview } from './hr-fields';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxHeight: '260px', overflowY: 'auto' },
  // Sized by its content, so an e-mail address widens its column rather than running into the next.
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  cell: { whiteSpace: 'nowrap' },
  column: { display: 'block', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  rowNumber: { width: '64px', color: tokens.colorNeutralForeground3 },
});

/** The first rows as Warden would read them: one column per mapped field, under the file's header. */
export function HrPreviewTable({ preview, mapping }: { preview: HrPreview; mapping: HrMapping }) {
  const styles = useStyles();
  const columns = HR_FIELDS.flatMap((field) => {
    const header = mapping[field];
    const index = header == null ? -1 : preview.header.indexOf(header);
    return index === -1 || header == null ? [] : [{ field, header, index }];
  });
  return (
    <div className={styles.scroll}>
      <Table className={styles.table} aria-label="First rows of the file" size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.rowNumber}>Row</TableHeaderCell>
            {columns.map(({ field, header }) => (
              <TableHeaderCell key={field}>
                <span>
                  {HR_FIELD_LABELS[field]}
                  <span className={styles.column}>{header}</span>
                </span>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <TableRow key={row.rowNumber}>
              <TableCell className={styles.rowNumber}>{row.rowNumber}</TableCell>
              {columns.map(({ field, index }) => (
                <TableCell key={field} className={styles.cell}>
                  {row.cells[index] ?? ''}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
