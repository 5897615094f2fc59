import { useCallback } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import type { InventoryFacets } from './inventory-types';

const waiting = (): Promise<InventoryFacets | undefined> => new Promise(() => undefined);

/**
 * The snapshot's OUs and groups with their counts, for the OU and group
 * pickers. Asked for only once `wanted`: the core reads every membership of
 * the snapshot to count them (a second or two at 100k accounts), which the
 * table's rows must not wait behind unless the pickers are used.
 */
export function useInventoryFacets(wanted: boolean) {
  const load = useCallback(
    (): Promise<InventoryFacets | undefined> => (wanted ? call('getInventoryFacets', {}) : waiting()),
    [wanted],
  );
  return useWardenQuery(load);
}
