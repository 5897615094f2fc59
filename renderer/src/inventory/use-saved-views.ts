import { useCallback } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import type { OperationInput } from '../api/contract-types';
import type { SavedView } from './inventory-types';

const loadViews = () => call('listViews', {});

/** The saved views, and saving or deleting one (the list is read again after each). */
export function useSavedViews() {
  const views = useWardenQuery(loadViews);
  const { reload } = views;
  const save = useCallback(
    async (input: OperationInput<'saveView'>): Promise<SavedView> => {
      const saved = await call('saveView', input);
      reload();
      return saved;
    },
    [reload],
  );
  const remove = useCallback(
    async (view: SavedView): Promise<void> => {
      await call('deleteView', { id: view.id });
      reload();
    },
    [reload],
  );
  return { views, save, remove };
}
