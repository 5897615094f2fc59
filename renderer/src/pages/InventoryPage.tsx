import { InventoryView } from '../inventory/InventoryView';
import type { AccountQuery } from '../risk/risk-types';

export function InventoryPage({ initialQuery }: { initialQuery: AccountQuery }) {
  return <InventoryView initialQuery={initialQuery} />;
}
