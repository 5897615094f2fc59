import { HR_LABELS, OWNER_STATUS_LABELS, TIER_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import type { AccountQuery } from '../risk/risk-types';
import { ouLabel } from './ou-label';

export type QueryKey = keyof AccountQuery;

/** One criterion of the query, as a removable chip says it. */
export interface QueryChip {
  key: QueryKey;
  label: string;
}

const either = <K extends string>(values: readonly K[] | undefined, labels: Record<K, string>): string =>
  (values ?? []).map((value) => labels[value]).join(' or ');

function lastLogonLabel(lastLogon: NonNullable<AccountQuery['lastLogon']>): string {
  if (lastLogon === 'never') return 'Never logged on';
  if (lastLogon.to === null) return `Last logon over ${lastLogon.from - 1} days ago`;
  return `Last logon ${lastLogon.from}–${lastLogon.to} days ago`;
}

/** A group given by DN reads by its name (`CN=Domain Admins,CN=Users,…` is `Domain Admins`). */
function groupLabel(group: string): string {
  return /^\s*cn\s*=/i.test(group) ? (ouLabel(group).split('/').at(-1) ?? group) : group;
}

/** The criteria in force, in the order the filter bar lists them. */
export function chipsOf(query: AccountQuery): QueryChip[] {
  const chips: QueryChip[] = [];
  const add = (key: QueryKey, label: string | undefined) => {
    if (label !== undefined) chips.push({ key, label });
  };
  add('search', query.search === undefined ? undefined : `Text: “${query.search}”`);
  add('type', query.type === undefined ? undefined : `Type: ${either(query.type, TYPE_LABELS)}`);
  add('isNhi', query.isNhi === undefined ? undefined : query.isNhi ? 'Non-human identities' : 'Human accounts');
  add('risk', query.risk === undefined ? undefined : `Risk: ${either(query.risk, TIER_LABELS)}`);
  add('usage', query.usage === undefined ? undefined : `Usage: ${either(query.usage, USAGE_LABELS)}`);
  add(
    'ownerStatus',
    query.ownerStatus === undefined ? undefined : `Owner: ${either(query.ownerStatus, OWNER_STATUS_LABELS)}`,
  );
  add('hr', query.hr === undefined ? undefined : `HR: ${either(query.hr, HR_LABELS)}`);
  add('enabled', query.enabled === undefined ? undefined : query.enabled ? 'Enabled' : 'Disabled');
  add('lastLogon', query.lastLogon === undefined ? undefined : lastLogonLabel(query.lastLogon));
  add('ou', query.ou === undefined ? undefined : `OU: ${ouLabel(query.ou)}`);
  add('group', query.group === undefined ? undefined : `Group: ${groupLabel(query.group)}`);
  add(
    'privileged',
    query.privileged === undefined
      ? undefined
      : query.privileged
        ? 'Reaches a privileged group'
        : 'Reaches no privileged group',
  );
  add('filter', query.filter === undefined ? undefined : `Expression: ${query.filter}`);
  return chips;
}

/** The query without one criterion. */
export function withoutKey(query: AccountQuery, key: QueryKey): AccountQuery {
  return Object.fromEntries(Object.entries(query).filter(([name]) => name !== key)) as AccountQuery;
}

/** The query with one criterion set, or removed when the value is undefined. */
export function withValue<K extends QueryKey>(query: AccountQuery, key: K, value: AccountQuery[K]): AccountQuery {
  return value === undefined ? withoutKey(query, key) : { ...query, [key]: value };
}
