import type { OperationInput, OperationOutput } from '../api/contract-types';

/** The Inventory's contract shapes as the renderer uses them, all read off the operations. */
export type InventoryColumn = OperationInput<'exportAccountsCsv'>['columns'][number];
export type SavedView = OperationOutput<'listViews'>[number];
export type InventoryFacets = OperationOutput<'getInventoryFacets'>;
export type OuFacet = InventoryFacets['ous'][number];
export type GroupFacet = InventoryFacets['groups'][number];
