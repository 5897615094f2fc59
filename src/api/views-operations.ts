import { WardenError } from '../errors';
import type { Assessment } from '../risk';
import type { SavedViewRecord, Store } from '../store';
import { accountsCsv, csvFileName } from '../views/csv-export';
import { groupIndexOf } from '../views/group-index';
import { INVENTORY_COLUMNS } from '../views/inventory-columns';
import { ouFacets } from '../views/ou-facets';
import { assessedAccountsPage, matchingAccounts, type CriteriaContext } from './assessed-accounts-page';
import {
  ViewDefinitionSchema,
  type AccountCriteria,
  type ExportAccountsInput,
  type ListAccountsInput,
  type SavedView,
  type SaveViewInput,
} from './views-schemas';

/** The group filter offers this many groups (the privileged ones first); any other can still be typed by name. */
const MAX_GROUP_FACETS = 1_000;

/** The members of the group the criteria name, read from the snapshot's memberships. */
async function contextOf(store: Store, assessment: Assessment, criteria: AccountCriteria): Promise<CriteriaContext> {
  if (criteria.group === undefined) return {};
  const members = (await groupIndexOf(store, assessment)).membersOf(criteria.group);
  if (members === undefined) {
    throw new WardenError(
      'GROUP_NOT_FOUND',
      `No group of this snapshot is named "${criteria.group}": give its name or its distinguished name.`,
      { group: criteria.group },
    );
  }
  return { groupMembers: members };
}

export async function listAccounts(store: Store, assessment: Assessment, input: Omit<ListAccountsInput, 'snapshotId'>) {
  return assessedAccountsPage(assessment, input, await contextOf(store, assessment, input));
}

export async function exportAccounts(store: Store, assessment: Assessment, input: ExportAccountsInput) {
  const { snapshotId: _snapshotId, sort, columns, viewName, ...criteria } = input;
  const accounts = matchingAccounts(assessment, criteria, sort, await contextOf(store, assessment, criteria));
  const { bytes, rows } = accountsCsv(accounts, columns);
  const asOf = assessment.snapshot.finishedAt ?? assessment.snapshot.startedAt;
  return { fileName: csvFileName(asOf, viewName), bytes, rows };
}

export async function inventoryFacets(store: Store, assessment: Assessment) {
  const groups = (await groupIndexOf(store, assessment)).facets();
  return {
    snapshotId: assessment.snapshot.id,
    ous: [...ouFacets(assessment)],
    groups: groups.slice(0, MAX_GROUP_FACETS).map((group) => ({ ...group })),
  };
}

const KNOWN_COLUMNS = new Set<string>(INVENTORY_COLUMNS);

/**
 * A saved view as the contract gives it. A column a later version no longer
 * has is dropped rather than failing the view; a view whose criteria cannot be
 * read any more is left out of the list (deleteView still removes it by id).
 */
function savedView(record: SavedViewRecord): SavedView | undefined {
  const definition = record.definition as { columns?: unknown } | null;
  const columns = Array.isArray(definition?.columns)
    ? definition.columns.filter((column) => typeof column === 'string' && KNOWN_COLUMNS.has(column))
    : definition?.columns;
  const parsed = ViewDefinitionSchema.safeParse({ ...(definition ?? {}), columns });
  return parsed.success ? { id: record.id, name: record.name, savedAt: record.savedAt, ...parsed.data } : undefined;
}

export async function listViews(store: Store): Promise<SavedView[]> {
  return (await store.views.list()).flatMap((record) => savedView(record) ?? []);
}

export async function saveView(store: Store, input: SaveViewInput): Promise<SavedView> {
  const { id, name, ...definition } = input;
  const record = await store.views.save({ ...(id === undefined ? {} : { id }), name, definition });
  return { id: record.id, name: record.name, savedAt: record.savedAt, ...definition };
}
