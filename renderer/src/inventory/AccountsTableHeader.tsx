import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular } from '@fluentui/react-icons';
import type { Header } from '@tanstack/react-table';
import type { AccountSort } from '../risk/risk-types';
import { COLUMN_LABELS, COLUMN_SORT_FIELDS } from './inventory-columns';
import type { InventoryColumn } from './inventory-types';
import { HEADER_HEIGHT } from './table-layout';
import type { tableFeaturesUsed, WindowRow } from './table-model';

const useStyles = makeStyles({
  row: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'grid',
    height: `${HEADER_HEIGHT}px`,
    alignItems: 'stretch',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  sort: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    height: '100%',
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    textAlign: 'start',
    ':hover': { color: tokens.colorBrandForeground1 },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  select: { display: 'flex', alignItems: 'center', justifyContent: 'center' },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sorted: { color: tokens.colorBrandForeground1 },
});

interface Props {
  headers: readonly Header<typeof tableFeaturesUsed, WindowRow, unknown>[];
  grid: string;
  minWidth: number;
  sort: AccountSort;
  /** A click on a sortable column's title: that column's order. */
  onSort: (column: InventoryColumn) => void;
  /** How many accounts match the filters, every one of them read or not. */
  total: number;
  /** The header's box: ticked when every matching account is selected, mixed when some are. */
  allSelected: boolean | 'mixed';
  onSelectAll: () => void;
}

function selectAllLabel(total: number): string {
  return total === 1 ? 'Select the 1 matching account' : `Select all ${total.toLocaleString()} matching accounts`;
}

/**
 * The column titles, kept in view while the rows scroll; a sortable title is
 * a button that says its order. The first box selects every account the
 * filters match, not only the rows read so far.
 */
export function AccountsTableHeader({ headers, grid, minWidth, sort, onSort, total, allSelected, onSelectAll }: Props) {
  const styles = useStyles();
  return (
    <div role="rowgroup">
      <div
        role="row"
        aria-rowindex={1}
        className={styles.row}
        style={{ gridTemplateColumns: grid, minWidth: `${minWidth}px` }}
      >
        <div role="columnheader" className={styles.select}>
          <Checkbox
            checked={allSelected}
            disabled={total === 0}
            aria-label={selectAllLabel(total)}
            onChange={onSelectAll}
          />
        </div>
        {headers.map((header) => {
          const column = header.column.id as InventoryColumn;
          const sorted = header.column.getIsSorted();
          const label = COLUMN_LABELS[column];
          return (
            <div
              key={header.id}
              role="columnheader"
              className={styles.cell}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            >
              {COLUMN_SORT_FIELDS[column] === undefined ? (
                <span className={styles.label}>{label}</span>
              ) : (
                <button
                  type="button"
                  className={mergeClasses(styles.sort, sorted !== false && styles.sorted)}
                  title={`Sort by ${label.toLowerCase()}${sort.field === COLUMN_SORT_FIELDS[column] ? ' (again to reverse)' : ''}`}
                  onClick={() => onSort(column)}
                >
                  <span className={styles.label}>{label}</span>
                  {sorted === 'asc' && <ArrowSortUp16Regular aria-hidden="true" />}
                  {sorted === 'desc' && <ArrowSortDown16Regular aria-hidden="true" />}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
