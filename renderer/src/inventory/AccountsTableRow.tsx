import { Checkbox, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { FlexRender, type Row } from '@tanstack/react-table';
import { memo, useRef, type MouseEvent } from 'react';
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
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  select: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%' },
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
  selected: boolean;
  onOpen: (index: number) => void;
  onActivate: (index: number) => void;
  /** Ticks or unticks the row; `extend`: every row from the last one ticked or unticked, too. */
  onSelect: (index: number, selected: boolean, extend: boolean) => void;
}

/**
 * One account's row, placed at its offset in the whole result. Only the active
 * row is in the tab order (the arrow keys move between rows, Space ticks); a
 * click or Enter opens the account, a click on its box or Shift+click ticks it.
 */
function AccountsTableRowView({ index, row, start, grid, active, selected, onOpen, onActivate, onSelect }: Props) {
  const styles = useStyles();
  // When the account's drawer closes, focus comes back to the row it was opened from.
  const restoreFocus = useRestoreFocusTarget();
  const element = useRef<HTMLDivElement>(null);
  // The row keeps the focus (the box is not in the tab order), so the keys go on working after a click on the box.
  const keepFocus = (event: MouseEvent) => {
    event.preventDefault();
    element.current?.focus({ preventScroll: true });
  };
  const select = (event: MouseEvent) => {
    event.stopPropagation();
    onSelect(index, !selected, event.shiftKey);
  };
  return (
    <div
      {...restoreFocus}
      ref={element}
      role="row"
      aria-rowindex={index + 2}
      aria-busy={row === undefined || undefined}
      data-index={index}
      tabIndex={active ? 0 : -1}
      className={mergeClasses(styles.row, active && styles.active, selected && styles.selected)}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: grid }}
      onFocus={() => onActivate(index)}
      onMouseDown={(event) => event.shiftKey && keepFocus(event)}
      onClick={(event) => (event.shiftKey ? select(event) : onOpen(index))}
    >
      {row === undefined ? (
        <div role="cell" className={styles.loading}>
          Loading…
        </div>
      ) : (
        <>
          <div role="cell" className={styles.select} onMouseDown={keepFocus} onClick={select}>
            <Checkbox checked={selected} tabIndex={-1} aria-label={`Select ${row.original.account.samAccountName}`} />
          </div>
          {row.getVisibleCells().map((cell) => (
            <div key={cell.id} role="cell" className={styles.cell}>
              <FlexRender cell={cell} />
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/**
 * Drawn again only when what it shows changes: the table makes new row
 * objects for every block that arrives, but a row whose account, place,
 * columns, focus and selection are the same looks the same.
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
    before.selected === after.selected &&
    before.onOpen === after.onOpen &&
    before.onActivate === after.onActivate &&
    before.onSelect === after.onSelect,
);
