import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { HR_LABELS, OWNER_STATUS_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import { RiskBadge } from '../risk/RiskBadge';
import type { AccountRow, AccountSort } from '../risk/risk-types';

const useStyles = makeStyles({
  row: {
    cursor: 'pointer',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  account: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  wide: { width: '19%' },
  narrow: { width: '10%' },
  finding: { width: '31%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type SortField = AccountSort['field'];

const COLUMNS: { label: string; field: SortField | undefined; width: 'wide' | 'narrow' | 'finding' }[] = [
  { label: 'Account', field: 'samAccountName', width: 'wide' },
  { label: 'Type', field: 'type', width: 'narrow' },
  { label: 'Risk', field: 'score', width: 'narrow' },
  { label: 'Usage', field: 'usage', width: 'narrow' },
  { label: 'Owner', field: 'owner', width: 'narrow' },
  { label: 'HR', field: 'hr', width: 'narrow' },
  { label: 'Top finding', field: undefined, width: 'finding' },
];

function describeUsage(row: AccountRow): string | undefined {
  if (row.lastLogonDaysAgo === null) return row.usage === 'disabled' ? undefined : 'no logon recorded';
  return `last logon ${row.lastLogonDaysAgo} day(s) ago`;
}

interface Props {
  rows: readonly AccountRow[];
  sort: AccountSort;
  onSort: (sort: AccountSort) => void;
  onOpen: (row: AccountRow) => void;
}

/** One page of assessed accounts; a row opens the account's detail on click or Enter. */
export function AccountsTable({ rows, sort, onSort, onOpen }: Props) {
  const styles = useStyles();
  const toggle = (field: SortField) =>
    onSort({
      field,
      // A new column starts with what matters most: the highest score, the names from A.
      direction:
        sort.field === field ? (sort.direction === 'asc' ? 'desc' : 'asc') : field === 'score' ? 'desc' : 'asc',
    });
  return (
    <Table aria-label="Accounts" size="small" sortable>
      <TableHeader>
        <TableRow>
          {COLUMNS.map((column) =>
            column.field === undefined ? (
              <TableHeaderCell key={column.label} className={styles[column.width]}>
                {column.label}
              </TableHeaderCell>
            ) : (
              <TableHeaderCell
                key={column.label}
                className={styles[column.width]}
                sortDirection={
                  sort.field === column.field ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                }
                onClick={() => column.field !== undefined && toggle(column.field)}
              >
                {column.label}
              </TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.objectGuid}
            className={styles.row}
            tabIndex={0}
            onClick={() => onOpen(row)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              // Otherwise the same Enter would press the drawer's Close button, focused as it opens.
              event.preventDefault();
              onOpen(row);
            }}
          >
            <TableCell>
              <TableCellLayout className={styles.account} description={row.displayName ?? undefined}>
                {row.samAccountName}
              </TableCellLayout>
            </TableCell>
            <TableCell>
              <TableCellLayout description={row.isNhi ? 'non-human' : 'human'}>{TYPE_LABELS[row.type]}</TableCellLayout>
            </TableCell>
            <TableCell>
              <RiskBadge risk={row.risk} score={row.score} />
            </TableCell>
            <TableCell>
              <TableCellLayout description={describeUsage(row)}>{USAGE_LABELS[row.usage]}</TableCellLayout>
            </TableCell>
            <TableCell>
              <TableCellLayout description={row.owner ?? undefined}>
                {OWNER_STATUS_LABELS[row.ownerStatus]}
              </TableCellLayout>
            </TableCell>
            <TableCell>{HR_LABELS[row.hr]}</TableCell>
            <TableCell>
              {row.topReason === null ? (
                <span className={styles.muted}>None</span>
              ) : (
                <TableCellLayout description={row.topReason.summary}>{row.topReason.title}</TableCellLayout>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
