import type { OperationInput } from '../api/contract-types';
import { call } from '../api/warden-client';
import type { ContainmentSelection } from './kill-switch-types';

type ListInput = OperationInput<'listAssessedAccounts'>;
/** The criteria of a saved view or of the Inventory's filters, or a filter expression alone. */
export type BulkCriteria = Omit<ListInput, 'snapshotId' | 'offset' | 'limit' | 'sort'>;
type ListSort = NonNullable<ListInput['sort']>;

/**
 * What a bulk action acts on, as chosen: on the Actions page a saved view (its
 * criteria) or a filter expression; on the Inventory the rows ticked under its
 * filters (`criteria`), or every account those filters match less the rows
 * unticked since.
 */
export type BulkChoice =
  | { kind: 'view'; name: string; criteria: BulkCriteria }
  | { kind: 'filter'; filter: string; criteria: BulkCriteria }
  | { kind: 'selection'; objectGuids: string[]; criteria: BulkCriteria }
  | { kind: 'query'; criteria: BulkCriteria; except: string[] };

/** A stretch of the accounts the criteria select, in an order: what a Shift+click in the Inventory spans. */
export interface Span {
  sort: ListSort;
  offset: number;
  count: number;
}

const PAGE = 500;

/**
 * Every objectGUID the criteria select in the latest snapshot, or those of a
 * span of them. A view keeps more than a filter expression (OU, group,
 * search), so its accounts are named one by one rather than translated into
 * the filter language.
 */
export async function viewObjectGuids(criteria: BulkCriteria, span?: Span): Promise<string[]> {
  const start = span?.offset ?? 0;
  const end = span === undefined ? Infinity : start + span.count;
  const guids: string[] = [];
  for (let offset = start; offset < end; offset += PAGE) {
    const limit = Math.min(PAGE, end - offset);
    const page = await call('listAssessedAccounts', {
      ...criteria,
      ...(span === undefined ? {} : { sort: span.sort }),
      offset,
      limit,
    });
    guids.push(...page.rows.map((row) => row.objectGuid));
    if (page.rows.length === 0 || offset + limit >= page.total) break;
  }
  return guids;
}

/** The accounts the containment is asked about: a filter expression the core applies itself, or objectGUIDs. */
export async function containmentSelection(choice: BulkChoice): Promise<ContainmentSelection> {
  switch (choice.kind) {
    case 'filter':
      return { filter: choice.filter };
    case 'selection':
      return { objectGuids: choice.objectGuids };
    case 'view':
      return { objectGuids: await viewObjectGuids(choice.criteria) };
    case 'query': {
      // Resolved only now, when acted on: the rows the table never drew are named too.
      const except = new Set(choice.except);
      return { objectGuids: (await viewObjectGuids(choice.criteria)).filter((guid) => !except.has(guid)) };
    }
  }
}

export function choiceWords(choice: BulkChoice): string {
  switch (choice.kind) {
    case 'view':
      return `the saved view “${choice.name}”`;
    case 'filter':
      return choice.filter;
    case 'selection':
      return 'the rows selected in the Inventory';
    case 'query':
      return choice.except.length === 0
        ? 'the Inventory’s filters'
        : `the Inventory’s filters, less ${choice.except.length.toLocaleString()} unticked`;
  }
}
