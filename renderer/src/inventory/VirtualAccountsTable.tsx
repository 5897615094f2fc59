import { makeStyles, tokens } from '@fluentui/react-components';
import { functionalUpdate, useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountRow, AccountSort } from '../risk/risk-types';
import type { AccountWindow } from './account-window';
import { AccountsTableHeader } from './AccountsTableHeader';
import { AccountsTableRow } from './AccountsTableRow';
import { ALL_COLUMNS, COLUMN_SORT_FIELDS, columnOfSort, firstDirection } from './inventory-columns';
import type { InventoryColumn } from './inventory-types';
import { headerState, isSelected, spanBetween, type RowSelection } from './row-selection';
import { gridTemplate, HEADER_HEIGHT, minimumWidth, ROW_HEIGHT } from './table-layout';
import { tableColumns, tableFeaturesUsed, type WindowRow } from './table-model';

const useStyles = makeStyles({
  // The table scrolls inside its own box, as tall as its rows or the window allow, its header kept in view.
  scroller: {
    position: 'relative',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    contain: 'strict',
  },
  body: { position: 'relative' },
});

/** Rows drawn beyond those in view, so a short scroll shows rows already there. */
const OVERSCAN = 8;

interface Props {
  /** The rows, read block by block; `version` changes whenever it learns more. */
  rows: AccountWindow;
  version: unknown;
  /** Names the query and order: another one starts at the top, a reload of the same keeps the place. */
  resultKey: string;
  columns: readonly InventoryColumn[];
  sort: AccountSort;
  onSort: (sort: AccountSort) => void;
  onOpen: (row: AccountRow) => void;
  selection: RowSelection;
  /** Ticks or unticks rows `first` to `last`, drawn or not. */
  onSelectRows: (first: number, last: number, selected: boolean) => void;
  /** The header's box: every matching account, or none when all are. */
  onSelectAll: () => void;
}

/**
 * The accounts of the query in force, however many: only the rows in view
 * (and a few around them) are in the page, read from the core as they come
 * into view. Arrow keys, Page Up/Down, Home and End move between rows, Enter
 * opens the account, Space ticks it (Shift+Space, like Shift+click, ticks
 * every row from the last one ticked or unticked).
 */
export function VirtualAccountsTable({
  rows,
  version,
  resultKey,
  columns,
  sort,
  onSort,
  onOpen,
  selection,
  onSelectRows,
  onSelectAll,
}: Props) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = rows.total;
  // The active row: the one in the tab order, which the arrow keys move. Back to the first with each new result.
  const [active, setActive] = useState({ resultKey, index: 0 });
  const activeIndex = active.resultKey === resultKey ? Math.min(active.index, Math.max(total - 1, 0)) : 0;
  if (active.resultKey !== resultKey) setActive({ resultKey, index: 0 });
  const focusRequest = useRef<number | undefined>(undefined);
  // Where a span starts: the row last ticked or unticked, in this result and order.
  const anchor = useRef<{ resultKey: string; index: number } | undefined>(undefined);

  // The app is not built with the React Compiler; the virtualizer re-renders this component itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // The active row stays drawn when scrolled away, so focus is never lost with it.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (total > 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  // The rows to read: those in view and the overscan, not the active row kept drawn far from them.
  const inView = items.filter((item) => item.index !== activeIndex || items.length === 1);
  const first = inView[0]?.index ?? 0;
  const last = inView.at(-1)?.index ?? 0;

  // A new result starts at its top; then read whatever rows come into view.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resultKey]);
  useEffect(() => {
    rows.ensure(first, last);
  }, [rows, first, last, version]);

  const data = useMemo(() => {
    const loaded: WindowRow[] = [];
    for (const item of items) {
      const account = rows.rowAt(item.index);
      if (account !== undefined) loaded.push({ index: item.index, account });
    }
    return loaded;
    // The window's rows change with its version, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, items, version]);

  const sorting = useMemo<SortingState>(() => {
    const column = columnOfSort(sort.field);
    return column === undefined ? [] : [{ id: column, desc: sort.direction === 'desc' }];
  }, [sort]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(ALL_COLUMNS.map((column) => [column, columns.includes(column)])),
    [columns],
  );
  const columnOrder = useMemo(() => [...columns], [columns]);
  const sortFromTable = useCallback(
    (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      const field = next === undefined ? undefined : COLUMN_SORT_FIELDS[next.id as InventoryColumn];
      if (next !== undefined && field !== undefined) onSort({ field, direction: next.desc ? 'desc' : 'asc' });
    },
    [sorting, onSort],
  );
  const table = useTable({
    features: tableFeaturesUsed,
    columns: tableColumns,
    data,
    getRowId: (row) => row.account.objectGuid,
    state: { sorting, columnVisibility, columnOrder },
    onSortingChange: sortFromTable,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const byIndex = new Map(table.getRowModel().rows.map((row) => [row.original.index, row]));

  const sortBy = (column: InventoryColumn) => {
    const field = COLUMN_SORT_FIELDS[column];
    if (field === undefined) return;
    const again = columnOfSort(sort.field) === column;
    const direction = again ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(field);
    table.setSorting([{ id: column, desc: direction === 'desc' }]);
  };

  const open = useCallback(
    (index: number) => {
      const account = rows.rowAt(index);
      if (account !== undefined) onOpen(account);
    },
    [rows, onOpen],
  );
  const activate = useCallback((index: number) => setActive({ resultKey, index }), [resultKey]);
  const select = useCallback(
    (index: number, selected: boolean, extend: boolean) => {
      const from = extend && anchor.current?.resultKey === resultKey ? anchor.current.index : undefined;
      const { first, last } = spanBetween(from, index);
      anchor.current = { resultKey, index };
      onSelectRows(first, last, selected);
    },
    [resultKey, onSelectRows],
  );

  const move = (index: number) => {
    if (total === 0) return;
    const target = Math.min(Math.max(index, 0), total - 1);
    focusRequest.current = target;
    setActive({ resultKey, index: target });
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row') return;
    // A screenful, less one row so the last row in view stays in view.
    const pageRows = Math.max(1, Math.floor((event.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number | undefined> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === ' ') {
      // Otherwise Space would scroll the table.
      event.preventDefault();
      const account = rows.rowAt(activeIndex);
      if (account !== undefined) select(activeIndex, !isSelected(selection, account.objectGuid), event.shiftKey);
    } else if (event.key === 'Enter') {
      // Otherwise the same Enter would press the drawer's Close button, focused as it opens.
      event.preventDefault();
      open(activeIndex);
    }
  };

  // Focus follows the keyboard once the row it moved to is drawn.
  useLayoutEffect(() => {
    const target = focusRequest.current;
    if (target === undefined) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (element === null || element === undefined) return;
    focusRequest.current = undefined;
    element.focus({ preventScroll: true });
  });

  const visible = columns.length + 1;
  const grid = gridTemplate(columns);
  const columnsKey = columns.join(' ');
  const minWidth = minimumWidth(columns);
  const headerGroup = table.getHeaderGroups()[0];
  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="Accounts"
      aria-rowcount={total + 1}
      aria-colcount={visible}
      className={styles.scroller}
      style={{
        height: `min(${HEADER_HEIGHT + Math.max(total, 3) * ROW_HEIGHT + 2}px, max(320px, calc(100vh - 150px)))`,
      }}
      onKeyDown={onKeyDown}
    >
      <AccountsTableHeader
        headers={headerGroup?.headers ?? []}
        grid={grid}
        minWidth={minWidth}
        sort={sort}
        onSort={sortBy}
        total={total}
        allSelected={headerState(selection, total)}
        onSelectAll={onSelectAll}
      />
      <div
        role="rowgroup"
        className={styles.body}
        style={{ height: `${virtualizer.getTotalSize()}px`, minWidth: `${minWidth}px` }}
      >
        {items.map((item) => {
          const row = byIndex.get(item.index);
          return (
            <AccountsTableRow
              key={item.key}
              index={item.index}
              columnsKey={columnsKey}
              row={row}
              start={item.start - HEADER_HEIGHT}
              grid={grid}
              active={item.index === activeIndex}
              selected={row !== undefined && isSelected(selection, row.original.account.objectGuid)}
              onOpen={open}
              onActivate={activate}
              onSelect={select}
            />
          );
        })}
      </div>
    </div>
  );
}
