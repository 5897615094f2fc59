import { makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { FlexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import { ROW_HEIGHT } from './table-layout';
import type { tableFeaturesUsed, WindowRow } from './table-model';

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    display: 'grid',
    alignItems: 'center',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: { minWidth: 0, paddingInline: tokens.spacingHorizontalS, overflow: 'hidden' },
  loading: { gridColumn: '1 / -1', paddingInline: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

interface Props {
  index: number;
  /** Names the columns shown; the cells change with it. */
  columnsKey: string;
  /** Undefined while the block holding this row is being read. */
  row: Row<typeof tableFeaturesUsed, WindowRow> | undefined;
  start: number;
  grid: string;
  active: boolean;
  onOpen: (index: number) => void;
  onActivate: (index: number) => void;
}

/**
 * One account's row, placed at its offset in the whole result. Only the active
 * row is in the tab order (the arrow keys move between rows); a click or Enter
 * opens the account.
 */
function AccountsTableRowView({ index, row, start, grid, active, onOpen, onActivate }: Props) {
  const styles = useStyles();
  // When the account's drawer closes, focus comes back to the row it was opened from.
  const restoreFocus = useRestoreFocusTarget();
  return (
    <div
      {...restoreFocus}
      role="row"
      aria-rowindex={index + 2}
      aria-busy={row === undefined || undefined}
      data-index={index}
      tabIndex={active ? 0 : -1}
      className={mergeClasses(styles.row, active && styles.active)}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: grid }}
      onFocus={() => onActivate(index)}
      onClick={() => onOpen(index)}
    >
      {row === undefined ? (
        <div role="cell" className={styles.loading}>
          Loading…
        </div>
      ) : (
        row.getVisibleCells().map((cell) => (
          <div key={cell.id} role="cell" className={styles.cell}>
            <FlexRender cell={cell} />
          </div>
        ))
      )}
    </div>
  );
}

/**
 * Drawn again only when what it shows changes: the table makes new row
 * objects for every block that arrives, but a row whose account, place,
 * columns and focus are the same looks the same.
 */
export const AccountsTableRow = memo(
  AccountsTableRowView,
  (before, after) =>
    before.row?.original.account === after.row?.original.account &&
    before.index === after.index &&
    before.start === after.start &&
    before.grid === after.grid &&
    before.columnsKey === after.columnsKey &&
    before.active === after.active &&
    before.onOpen === after.onOpen &&
    before.onActivate === after.onActivate,
);
