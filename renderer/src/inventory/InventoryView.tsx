import { Button, Caption1, makeStyles, Spinner, Toolbar, tokens } from '@fluentui/react-components';
import { Bot48Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WardenApiError } from '../api/warden-api-error';
import { AccountDrawer } from '../account/AccountDrawer';
import { useSession } from '../app/session';
import { ConnectButton } from '../components/ConnectButton';
import { DemoDomainButton } from '../components/DemoDomainButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { BulkDisableDialog, type BulkDisableRequest } from '../kill-switch/BulkDisableDialog';
import { useBindProfiles } from '../kill-switch/use-bind-profiles';
import type { AccountQuery, AccountRow, AccountSort } from '../risk/risk-types';
import { loadColumns, saveColumns } from './column-preferences';
import { ColumnsMenu } from './ColumnsMenu';
import { DeleteViewDialog } from './DeleteViewDialog';
import { DisableSelectedButton } from './DisableSelectedButton';
import { ExportCsvButton } from './ExportCsvButton';
import { FilterBar, type QueryChange } from './FilterBar';
import { FilterChips } from './FilterChips';
import type { InventoryColumn, SavedView } from './inventory-types';
import { FILTER_CHANGED, FILTER_ROWS, FIRST_ROWS, mark, measurePainted } from './perf-marks';
import { selectionChoice } from './row-selection';
import { sameDefinition } from './same-definition';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SaveViewDialog } from './SaveViewDialog';
import { SelectionBar } from './SelectionBar';
import { useAccountWindow } from './use-account-window';
import { useFindShortcut } from './use-find-shortcut';
import { useInventoryFacets } from './use-inventory-facets';
import { useRowSelection } from './use-row-selection';
import { useSavedViews } from './use-saved-views';
import { VirtualAccountsTable } from './VirtualAccountsTable';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  status: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  // Short of room, the buttons go onto another line rather than wrap their labels.
  toolbar: { flexWrap: 'wrap', justifyContent: 'flex-end', '& button': { whiteSpace: 'nowrap' } },
});

const HIGHEST_RISK_FIRST: AccountSort = { field: 'score', direction: 'desc' };
const SUBTITLE = 'Every account Warden has read from the directory, classified and scored.';

const numbers = new Intl.NumberFormat();

function describeTotal(total: number): string {
  return total === 1 ? '1 account matches' : `${numbers.format(total)} accounts match`;
}

function accountsWords(count: number): string {
  return count === 1 ? '1 account' : `${numbers.format(count)} accounts`;
}

/**
 * The Inventory: every account of the latest snapshot in one table however
 * many there are, with criteria, order and columns that can be saved as a
 * view and exported as they stand.
 */
export function InventoryView({ initialQuery }: { initialQuery: AccountQuery }) {
  const styles = useStyles();
  const [query, setQueryState] = useState<AccountQuery>(initialQuery);
  const [sort, setSortState] = useState<AccountSort>(HIGHEST_RISK_FIRST);
  const [columns, setColumnsState] = useState<InventoryColumn[]>(loadColumns);
  const [activeView, setActiveView] = useState<SavedView | undefined>(undefined);
  const [savingView, setSavingView] = useState(false);
  const [deletingView, setDeletingView] = useState<SavedView | undefined>(undefined);
  const [exported, setExported] = useState<{ fileName: string; rows: number } | undefined>(undefined);
  const [actionError, setActionError] = useState<{ title: string; error: WardenApiError } | undefined>(undefined);
  const [open, setOpen] = useState<AccountRow | undefined>(undefined);
  const [disabling, setDisabling] = useState<BulkDisableRequest | undefined>(undefined);
  const { appInfo } = useSession();
  const { profiles } = useBindProfiles();
  const searchRef = useRef<HTMLInputElement>(null);
  useFindShortcut(searchRef);

  const { window: rows, state, reload } = useAccountWindow(query, sort);
  // The OU and group pickers' values are read when one of them is first used, then kept.
  const [facetsWanted, setFacetsWanted] = useState(false);
  const wantFacets = useCallback(() => setFacetsWanted(true), []);
  const facets = useInventoryFacets(facetsWanted);
  const { views, save, remove } = useSavedViews();
  const selectFailed = useCallback(
    (error: WardenApiError) => setActionError({ title: 'The rows could not be selected', error }),
    [],
  );
  const {
    selection,
    count: selected,
    selectRows,
    selectAll,
    clear: clearSelection,
  } = useRowSelection(rows, selectFailed);

  // The measure to close when the rows now being read are on screen: the page's first ones, then each filter's.
  const pendingMeasure = useRef<string | undefined>(FIRST_ROWS);
  useEffect(() => {
    if (!state.ready || pendingMeasure.current === undefined) return;
    measurePainted(pendingMeasure.current);
    pendingMeasure.current = undefined;
  }, [rows, state.ready]);

  const setQuery = useCallback((next: QueryChange) => {
    mark(FILTER_CHANGED);
    pendingMeasure.current = FILTER_ROWS;
    setQueryState(next);
  }, []);
  const setSort = useCallback((next: AccountSort) => {
    mark(FILTER_CHANGED);
    pendingMeasure.current = FILTER_ROWS;
    setSortState(next);
  }, []);
  const setColumns = useCallback((next: InventoryColumn[]) => {
    setColumnsState(next);
    saveColumns(next);
  }, []);
  const applyView = useCallback(
    (view: SavedView) => {
      setQuery(view.criteria);
      setSort(view.sort);
      setColumns(view.columns);
      setActiveView(view);
    },
    [setQuery, setSort, setColumns],
  );
  const startSaving = useCallback(() => setSavingView(true), []);
  const definition = { criteria: query, sort, columns };
  const changed =
    activeView !== undefined &&
    !sameDefinition(definition, { criteria: activeView.criteria, sort: activeView.sort, columns: activeView.columns });
  // Stable between renders, so the toolbar is not drawn again each time a block of rows arrives.
  const exportRequest = useMemo(
    () => ({
      ...query,
      sort,
      columns,
      ...(activeView !== undefined && !changed ? { viewName: activeView.name } : {}),
    }),
    [query, sort, columns, activeView, changed],
  );
  const exportedFile = useCallback((result: { fileName: string; rows: number }) => {
    setActionError(undefined);
    setExported(result);
  }, []);
  const exportFailed = useCallback(
    (error: WardenApiError) => setActionError({ title: 'The accounts could not be exported', error }),
    [],
  );
  const savedViews = views.data ?? [];

  const cannotDisable = appInfo.isDemo
    ? 'The demo domain has no directory to change: connect to a real domain to disable accounts.'
    : profiles !== undefined && profiles.length === 0
      ? 'No connection profile is saved: add one in Settings to disable accounts.'
      : undefined;
  const disableUnavailable =
    cannotDisable ??
    (selected === 0 ? 'Tick the accounts to disable first, or the header box for every matching account.' : undefined);
  const disableSelected = useCallback(
    () => setDisabling({ choice: selectionChoice(selection, query), subjectName: accountsWords(selected) }),
    [selection, query, selected],
  );
  const closeDisabling = useCallback(() => setDisabling(undefined), []);

  const noSnapshot = state.error?.code === 'NO_SNAPSHOT';
  if (noSnapshot) {
    return (
      <>
        <PageHeader title="Inventory" subtitle={SUBTITLE} />
        <EmptyState
          icon={<Bot48Regular />}
          title="No accounts inventoried yet"
          actions={
            <>
              <ConnectButton from="inventory" />
              <DemoDomainButton />
            </>
          }
        >
          <p>
            Service accounts, managed service accounts (sMSA and gMSA), bots and agent identities will be listed here,
            with their owner, group memberships, last logon, password age and the privileges they reach.
          </p>
          <p>Connect to a domain to take the first inventory.</p>
        </EmptyState>
      </>
    );
  }

  const toolbar = (
    <Toolbar aria-label="Inventory view" className={styles.toolbar}>
      <SavedViewsMenu
        views={savedViews}
        active={activeView}
        changed={changed}
        onApply={applyView}
        onSave={startSaving}
        onDelete={setDeletingView}
      />
      <ColumnsMenu columns={columns} onChange={setColumns} />
      <ExportCsvButton request={exportRequest} onExported={exportedFile} onError={exportFailed} />
      <DisableSelectedButton count={selected} unavailable={disableUnavailable} onDisable={disableSelected} />
    </Toolbar>
  );

  const shown = state.ready || rows.total > 0;
  const error = state.error;
  return (
    <div className={styles.stack}>
      <PageHeader title="Inventory" subtitle={SUBTITLE} actions={toolbar} />
      <FilterBar
        query={query}
        onChange={setQuery}
        facets={facets.data}
        facetsLoading={facetsWanted && facets.loading}
        onFacetsWanted={wantFacets}
        searchRef={searchRef}
      />
      <FilterChips query={query} onChange={setQuery} />
      {error !== undefined && (
        <ErrorMessageBar
          title={
            error.code === 'INVALID_FILTER'
              ? 'The filter expression could not be read'
              : error.code === 'GROUP_NOT_FOUND'
                ? 'No such group'
                : 'The accounts could not be listed'
          }
          error={error}
          actions={
            error.code === 'INVALID_FILTER' || error.code === 'GROUP_NOT_FOUND' ? undefined : (
              <Button onClick={reload}>Try again</Button>
            )
          }
        />
      )}
      {actionError !== undefined && <ErrorMessageBar title={actionError.title} error={actionError.error} />}
      {views.error !== undefined && <ErrorMessageBar title="The saved views could not be read" error={views.error} />}
      <div aria-live="polite">
        {exported !== undefined && (
          <Caption1 className={styles.muted}>
            {`Exported ${exported.rows.toLocaleString()} account${exported.rows === 1 ? '' : 's'} to ${exported.fileName}.`}
          </Caption1>
        )}
      </div>
      {!shown ? (
        error === undefined && <Spinner label="Assessing the accounts…" />
      ) : (
        <>
          <div className={styles.status}>
            <Caption1 className={styles.muted} role="status">
              {describeTotal(rows.total)}
              {state.loading || !state.ready ? ' · updating…' : ''}
            </Caption1>
            <SelectionBar
              count={selected}
              allMatching={selection.all && selection.except.size === 0}
              unavailable={cannotDisable}
              onClear={clearSelection}
            />
            <Caption1 className={styles.hint}>
              ↑ ↓ move between accounts · Space selects one, Shift+click a range · Enter opens one · Esc closes it ·
              Ctrl+F searches
            </Caption1>
          </div>
          <VirtualAccountsTable
            rows={rows}
            version={state}
            resultKey={JSON.stringify([query, sort])}
            columns={columns}
            sort={sort}
            onSort={setSort}
            onOpen={setOpen}
            selection={selection}
            onSelectRows={selectRows}
            onSelectAll={selectAll}
          />
        </>
      )}
      {open !== undefined && (
        <AccountDrawer
          key={open.objectGuid}
          objectGuid={open.objectGuid}
          samAccountName={open.samAccountName}
          onClose={() => setOpen(undefined)}
          onChanged={reload}
        />
      )}
      {/* Once the containment has run, its accounts are no longer a selection to act on. */}
      <BulkDisableDialog request={disabling} onFinished={clearSelection} onClose={closeDisabling} />
      <SaveViewDialog
        open={savingView}
        initialName={activeView?.name ?? ''}
        existing={(name) => savedViews.some((view) => view.name.toLowerCase() === name.toLowerCase())}
        onSave={async (name) => {
          const sameAsActive = activeView !== undefined && activeView.name.toLowerCase() === name.toLowerCase();
          const saved = await save({ ...(sameAsActive ? { id: activeView.id } : {}), name, ...definition });
          setActiveView(saved);
          setSavingView(false);
        }}
        onClose={() => setSavingView(false)}
      />
      <DeleteViewDialog
        view={deletingView}
        onDelete={async (view) => {
          await remove(view);
          if (activeView?.id === view.id) setActiveView(undefined);
          setDeletingView(undefined);
        }}
        onClose={() => setDeletingView(undefined)}
      />
    </div>
  );
}
