import type { OperationInput } from '../api/contract-types';
import { call } from '../api/warden-client';

type ListInput = OperationInput<'listAssessedAccounts'>;
/** The criteria of a saved view, or a filter expression alone. */
export type BulkCriteria = Omit<ListInput, 'snapshotId' | 'offset' | 'limit' | 'sort'>;

/** What the Actions page acts on, as chosen: a saved view (its criteria) or a filter expression. */
export type BulkChoice =
  { kind: 'view'; name: string; criteria: BulkCriteria } | { kind: 'filter'; filter: string; criteria: BulkCriteria };

const PAGE = 500;

/**
 * Every objectGUID a saved view selects in the latest snapshot. A view keeps
 * more than a filter expression (OU, group, search), so its accounts are
 * named one by one rather than translated into the filter language.
 */
export async function viewObjectGuids(criteria: BulkCriteria): Promise<string[]> {
  const guids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('listAssessedAccounts', { ...criteria, offset, limit: PAGE });
    guids.push(...page.rows.map((row) => row.objectGuid));
    if (page.rows.length === 0 || offset + PAGE >= page.total) return guids;
  }
}

export function choiceWords(choice: BulkChoice): string {
  return choice.kind === 'view' ? `the saved view “${choice.name}”` : choice.filter;
}
