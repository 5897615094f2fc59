import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { AccountRow } from '../risk/risk-types';
import { ALL_COLUMNS, COLUMN_LABELS, COLUMN_SORT_FIELDS } from './inventory-columns';
import { InventoryCell } from './InventoryCell';

/**
 * The Inventory's column model for TanStack Table: which columns exist, which
 * are shown and in what order, which sort. Sorting and filtering happen in the
 * core (over every account, not the rows at hand), so the table only carries
 * the order in force and the rows in view.
 */
export const tableFeaturesUsed = tableFeatures({ columnVisibilityFeature, columnOrderingFeature, rowSortingFeature });

/** A row of the table: an account with its place in the whole result. */
export interface WindowRow {
  index: number;
  account: AccountRow;
}

const helper = createColumnHelper<typeof tableFeaturesUsed, WindowRow>();

export const tableColumns = helper.columns(
  ALL_COLUMNS.map((id) =>
    helper.accessor((row) => row.account.objectGuid, {
      id,
      header: COLUMN_LABELS[id],
      enableSorting: COLUMN_SORT_FIELDS[id] !== undefined,
      enableHiding: id !== 'samAccountName',
      cell: ({ row }) => <InventoryCell column={id} row={row.original.account} />,
    }),
  ),
);
