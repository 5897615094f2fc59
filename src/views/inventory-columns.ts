import type { AccountAssessment } from '../risk';
import { commonNameOf } from '../inventory/privileged-groups';

/**
 * The columns an Inventory view can show, in the order the column picker
 * lists them. The account name is always shown: a row without it means nothing.
 */
export const INVENTORY_COLUMNS = [
  'samAccountName',
  'displayName',
  'type',
  'identity',
  'risk',
  'usage',
  'lastLogon',
  'ownerStatus',
  'owner',
  'hr',
  'ou',
  'dn',
  'enabled',
  'groups',
  'privilegedGroups',
  'topFinding',
  'tags',
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

/** What a new view shows: the columns an audit reads first. */
export const DEFAULT_INVENTORY_COLUMNS: readonly InventoryColumn[] = [
  'samAccountName',
  'type',
  'risk',
  'usage',
  'ownerStatus',
  'hr',
  'topFinding',
];

/** The privileged groups an account reaches, by name, the most severe first (as the assessment orders them). */
export function privilegedGroupNames(account: AccountAssessment): string[] {
  return [...new Set(account.privilegedPaths.map((path) => commonNameOf(path.group) ?? path.group))];
}

/** The finding that weighs most, the first listed on a tie (the rules list criticality first). */
export function topFinding(account: AccountAssessment): AccountAssessment['reasons'][number] | undefined {
  let top = account.reasons[0];
  for (const reason of account.reasons) if (top !== undefined && reason.weight > top.weight) top = reason;
  return top;
}

interface CsvField {
  header: string;
  value: (account: AccountAssessment) => string;
}

const text = (value: string | null): string => value ?? '';
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/**
 * Each column as CSV fields: the contract's own values (`service`, `never-used`),
 * as `warden accounts --json` prints them, so a spreadsheet filters on the
 * words the README documents. The risk column gives the tier and the score apart,
 * so the score stays a number Excel can sort.
 */
const CSV_FIELDS: Record<InventoryColumn, readonly CsvField[]> = {
  samAccountName: [{ header: 'sAMAccountName', value: (a) => a.samAccountName }],
  displayName: [{ header: 'Display name', value: (a) => text(a.displayName) }],
  type: [{ header: 'Type', value: (a) => a.type }],
  identity: [{ header: 'Non-human', value: (a) => yesNo(a.isNhi) }],
  risk: [
    { header: 'Risk', value: (a) => a.risk },
    { header: 'Score', value: (a) => String(a.score) },
  ],
  usage: [{ header: 'Usage', value: (a) => a.usage }],
  lastLogon: [
    { header: 'Last logon (days ago)', value: (a) => (a.lastLogonDaysAgo === null ? '' : String(a.lastLogonDaysAgo)) },
  ],
  ownerStatus: [{ header: 'Owner status', value: (a) => a.ownerStatus }],
  owner: [{ header: 'Owner', value: (a) => text(a.owner) }],
  hr: [{ header: 'HR outcome', value: (a) => a.hr }],
  ou: [{ header: 'OU', value: (a) => text(a.ou) }],
  dn: [{ header: 'Distinguished name', value: (a) => a.dn }],
  enabled: [{ header: 'Enabled', value: (a) => yesNo(a.enabled) }],
  groups: [{ header: 'Groups', value: (a) => String(a.groupCount) }],
  privilegedGroups: [{ header: 'Privileged groups', value: (a) => privilegedGroupNames(a).join('; ') }],
  topFinding: [
    { header: 'Top finding', value: (a) => text(topFinding(a)?.title ?? null) },
    { header: 'Evidence', value: (a) => text(topFinding(a)?.evidence.summary ?? null) },
  ],
  tags: [{ header: 'Tags', value: (a) => a.tags.join('; ') }],
};

/** The CSV fields of the columns asked for, in their order, the account name first whatever was asked. */
export function csvFieldsOf(columns: readonly InventoryColumn[]): readonly CsvField[] {
  const ordered = ['samAccountName' as const, ...columns.filter((column) => column !== 'samAccountName')];
  return [...new Set(ordered)].flatMap((column) => CSV_FIELDS[column]);
}
