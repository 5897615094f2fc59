import type { AccountSort } from '../risk/risk-types';
import type { InventoryColumn } from './inventory-types';

/** How each column is titled, in the order the column picker lists them. A Record, so no column goes unlabelled. */
export const COLUMN_LABELS: Record<InventoryColumn, string> = {
  samAccountName: 'Account',
  displayName: 'Display name',
  type: 'Type',
  identity: 'Identity',
  risk: 'Risk',
  usage: 'Usage',
  lastLogon: 'Last logon',
  ownerStatus: 'Owner',
  owner: 'Owner name',
  hr: 'HR',
  ou: 'OU',
  dn: 'Distinguished name',
  enabled: 'Enabled',
  groups: 'Groups',
  privilegedGroups: 'Privileged groups',
  topFinding: 'Top finding',
  tags: 'Tags',
};

export const ALL_COLUMNS = Object.keys(COLUMN_LABELS) as InventoryColumn[];

/** What a first visit shows: the columns an audit reads first (the core's default for a view, too). */
export const DEFAULT_COLUMNS: readonly InventoryColumn[] = [
  'samAccountName',
  'type',
  'risk',
  'usage',
  'ownerStatus',
  'hr',
  'topFinding',
];

/**
 * The grid track of each column: a floor that keeps its content legible and a
 * share of what is left, so a few columns fill the width and many still fit.
 */
export const COLUMN_TRACKS: Record<InventoryColumn, string> = {
  samAccountName: 'minmax(160px, 2fr)',
  displayName: 'minmax(150px, 2fr)',
  type: 'minmax(120px, 1.2fr)',
  identity: 'minmax(90px, 0.8fr)',
  risk: 'minmax(112px, 0.9fr)',
  usage: 'minmax(120px, 1.2fr)',
  lastLogon: 'minmax(100px, 0.8fr)',
  ownerStatus: 'minmax(120px, 1.2fr)',
  owner: 'minmax(110px, 1fr)',
  hr: 'minmax(100px, 1fr)',
  ou: 'minmax(150px, 1.6fr)',
  dn: 'minmax(220px, 2.4fr)',
  enabled: 'minmax(80px, 0.6fr)',
  groups: 'minmax(70px, 0.6fr)',
  privilegedGroups: 'minmax(150px, 1.6fr)',
  topFinding: 'minmax(200px, 3fr)',
  tags: 'minmax(100px, 1fr)',
};

/** The order each column sorts by; those without one (lists of names) do not sort. */
export const COLUMN_SORT_FIELDS: Record<InventoryColumn, AccountSort['field'] | undefined> = {
  samAccountName: 'samAccountName',
  displayName: 'displayName',
  type: 'type',
  identity: 'isNhi',
  risk: 'score',
  usage: 'usage',
  lastLogon: 'lastLogonDaysAgo',
  ownerStatus: 'ownerStatus',
  owner: 'owner',
  hr: 'hr',
  ou: 'ou',
  dn: 'dn',
  enabled: 'enabled',
  groups: 'groupCount',
  privilegedGroups: undefined,
  topFinding: undefined,
  tags: undefined,
};

/** The column an order belongs to: the score and the tier are both the Risk column. */
export function columnOfSort(field: AccountSort['field']): InventoryColumn | undefined {
  if (field === 'risk') return 'risk';
  return ALL_COLUMNS.find((column) => COLUMN_SORT_FIELDS[column] === field);
}

/** A new order starts with what matters most: the highest score, the oldest logon, the most groups; names from A. */
export function firstDirection(field: AccountSort['field']): AccountSort['direction'] {
  return field === 'score' || field === 'risk' || field === 'lastLogonDaysAgo' || field === 'groupCount'
    ? 'desc'
    : 'asc';
}

/** The columns chosen, in the picker's order, the account always among them. */
export function normalizeColumns(columns: readonly string[]): InventoryColumn[] {
  const chosen = new Set(columns);
  return ALL_COLUMNS.filter((column) => column === 'samAccountName' || chosen.has(column));
}
