import type { BulkChoice, BulkCriteria } from '../kill-switch/bulk-selection';

/**
 * The rows ticked in the Inventory, by objectGUID so a selection outlives
 * the rows drawn: some named one by one, or every account the filters match
 * (named only when acted on) less those unticked since.
 */
export type RowSelection =
  { all: false; objectGuids: ReadonlySet<string> } | { all: true; except: ReadonlySet<string> };

export const NO_ROWS: RowSelection = { all: false, objectGuids: new Set() };
export const ALL_MATCHING: RowSelection = { all: true, except: new Set() };

export function isSelected(selection: RowSelection, objectGuid: string): boolean {
  return selection.all ? !selection.except.has(objectGuid) : selection.objectGuids.has(objectGuid);
}

/** The selection with these rows ticked, or unticked. */
export function withRows(selection: RowSelection, objectGuids: readonly string[], selected: boolean): RowSelection {
  const named = new Set(selection.all ? selection.except : selection.objectGuids);
  // Ticking names a row in a selection of some, and unticking names it in one of all.
  const name = selection.all !== selected;
  for (const guid of objectGuids) {
    if (name) named.add(guid);
    else named.delete(guid);
  }
  return selection.all ? { all: true, except: named } : { all: false, objectGuids: named };
}

/** How many accounts are selected, of the `total` the filters match. */
export function selectedCount(selection: RowSelection, total: number): number {
  return selection.all ? Math.max(0, total - selection.except.size) : selection.objectGuids.size;
}

/** The header's box: ticked when every matching account is, mixed when some are. */
export function headerState(selection: RowSelection, total: number): boolean | 'mixed' {
  const count = selectedCount(selection, total);
  if (count === 0) return false;
  return count >= total ? true : 'mixed';
}

/** The rows Shift+click or Shift+Space spans: from the anchor to the row, whichever comes first. */
export function spanBetween(anchor: number | undefined, index: number): { first: number; last: number } {
  const from = anchor ?? index;
  return { first: Math.min(from, index), last: Math.max(from, index) };
}

/** What a bulk action on the selection acts on: the rows named, or every match of the criteria less those unticked. */
export function selectionChoice(selection: RowSelection, criteria: BulkCriteria): BulkChoice {
  return selection.all
    ? { kind: 'query', criteria, except: [...selection.except] }
    : { kind: 'selection', objectGuids: [...selection.objectGuids], criteria };
}
