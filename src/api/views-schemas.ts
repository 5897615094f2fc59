import { z } from 'zod';
import { INVENTORY_COLUMNS } from '../views/inventory-columns';
import {
  ACCOUNT_SORT_FIELDS,
  AssessedAccountRowSchema,
  GetRiskOverviewInputSchema,
  ListAssessedAccountsInputSchema,
} from './risk-schemas';

/**
 * The Inventory's shapes: the account listing with the criteria and columns
 * a console needs on top of risk-schemas' (OU, group, privilege), saved
 * views, the CSV export and the values the OU and group filters offer.
 */

const Count = z.number().int().nonnegative();
const Dn = z.string().trim().min(1).max(2_048);

export const InventoryColumnSchema = z.enum(INVENTORY_COLUMNS);

/** Besides risk-schemas' fields: where the account sits, what it belongs to, and the account's own flags. */
export const INVENTORY_SORT_FIELDS = [...ACCOUNT_SORT_FIELDS, 'isNhi', 'enabled', 'ou', 'dn', 'groupCount'] as const;
export type InventorySortField = (typeof INVENTORY_SORT_FIELDS)[number];

export const InventorySortSchema = z
  .object({ field: z.enum(INVENTORY_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
  .strict();

export const ListAccountsInputSchema = ListAssessedAccountsInputSchema.extend({
  /** An OU or container by DN (compared without case): the accounts in it or anywhere below it. */
  ou: Dn.optional(),
  /** A group by DN or name: its members directly, through nested groups, or as their primary group. */
  group: Dn.optional(),
  /** Only the accounts that reach a privileged group (true), or only those that reach none (false). */
  privileged: z.boolean().optional(),
  /** Highest risk first by default. */
  sort: InventorySortSchema.optional(),
}).strict();

/** Every criterion of the listing: what a saved view keeps and the export applies, without the page. */
export const AccountCriteriaSchema = ListAccountsInputSchema.omit({
  snapshotId: true,
  sort: true,
  offset: true,
  limit: true,
}).strict();

export const InventoryRowSchema = AssessedAccountRowSchema.extend({
  groupCount: Count,
  /** The privileged groups the account reaches, by name, the most severe first. */
  privilegedGroups: z.array(z.string()),
  tags: z.array(z.string()),
}).strict();

export const InventoryPageSchema = z
  .object({
    snapshotId: z.string(),
    total: Count,
    offset: Count,
    rows: z.array(InventoryRowSchema),
  })
  .strict();

const ColumnsSchema = z.array(InventoryColumnSchema).min(1).max(INVENTORY_COLUMNS.length);
const ViewNameSchema = z.string().trim().min(1, 'a view needs a name').max(100);

/** What a view keeps: the criteria, the order and the columns, in the order they are shown. */
export const ViewDefinitionSchema = z
  .object({
    criteria: AccountCriteriaSchema,
    sort: InventorySortSchema,
    columns: ColumnsSchema,
  })
  .strict();

export const SavedViewSchema = ViewDefinitionSchema.extend({
  id: z.string().uuid(),
  name: z.string(),
  savedAt: z.string(),
}).strict();

export const SaveViewInputSchema = ViewDefinitionSchema.extend({
  /** Absent: a new view, or the one already named so (names are compared without case). */
  id: z.string().uuid().optional(),
  name: ViewNameSchema,
}).strict();

export const ExportAccountsInputSchema = AccountCriteriaSchema.extend({
  snapshotId: ListAccountsInputSchema.shape.snapshotId,
  sort: InventorySortSchema.optional(),
  columns: ColumnsSchema,
  /** Names the file after the view exported, when it is a saved one. */
  viewName: ViewNameSchema.optional(),
}).strict();

export const AccountsExportSchema = z
  .object({
    fileName: z.string(),
    /** The CSV file: UTF-8 with a byte-order mark, CRLF line ends, one header row. */
    bytes: z.instanceof(Uint8Array),
    rows: Count,
  })
  .strict();

export const InventoryFacetsInputSchema = GetRiskOverviewInputSchema;

export const InventoryFacetsSchema = z
  .object({
    snapshotId: z.string(),
    ous: z.array(z.object({ dn: z.string(), path: z.string(), accounts: Count }).strict()),
    groups: z.array(z.object({ dn: z.string(), name: z.string(), privileged: z.boolean(), members: Count }).strict()),
  })
  .strict();

export type ListAccountsInput = z.output<typeof ListAccountsInputSchema>;
export type AccountCriteria = z.output<typeof AccountCriteriaSchema>;
export type InventorySort = z.output<typeof InventorySortSchema>;
export type InventoryRow = z.output<typeof InventoryRowSchema>;
export type ViewDefinition = z.output<typeof ViewDefinitionSchema>;
export type SavedView = z.output<typeof SavedViewSchema>;
export type SaveViewInput = z.output<typeof SaveViewInputSchema>;
export type ExportAccountsInput = z.output<typeof ExportAccountsInputSchema>;
