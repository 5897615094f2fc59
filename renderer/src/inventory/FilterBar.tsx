import { makeStyles, tokens } from '@fluentui/react-components';
import { memo, useCallback, useMemo, type Ref } from 'react';
import { HR_LABELS, OWNER_STATUS_LABELS, TIER_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import type { AccountQuery } from '../risk/risk-types';
import { withValue } from './account-query';
import { ChoiceCriterion } from './ChoiceCriterion';
import { FacetCombobox, type FacetOption } from './FacetCombobox';
import type { InventoryFacets } from './inventory-types';
import { TextCriterion } from './TextCriterion';
import { TriStateCriterion } from './TriStateCriterion';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // Three a row: a native select is as wide as its longest option, and must not push its neighbour.
  choices: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    '& > *': { minWidth: 0 },
  },
  texts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});

const numbers = new Intl.NumberFormat();
const plural = (count: number, noun: string) => `${numbers.format(count)} ${noun}${count === 1 ? '' : 's'}`;
const NO_OPTIONS: FacetOption[] = [];

function ouOptions(facets: InventoryFacets | undefined): FacetOption[] {
  if (facets === undefined) return NO_OPTIONS;
  return facets.ous.map((ou) => ({ value: ou.dn, text: ou.path, detail: plural(ou.accounts, 'account') }));
}

function groupOptions(facets: InventoryFacets | undefined): FacetOption[] {
  if (facets === undefined) return NO_OPTIONS;
  return facets.groups.map((group) => ({
    value: group.dn,
    text: group.name,
    detail: `${group.privileged ? 'privileged · ' : ''}${plural(group.members, 'member')}`,
  }));
}

/** A new query, or how to make it from the one in force (so a criterion's setter never goes stale). */
export type QueryChange = AccountQuery | ((previous: AccountQuery) => AccountQuery);

/**
 * One criterion's setter, the same function for the life of the bar: each
 * control is drawn again only when its own value changes.
 */
function useCriterion<K extends keyof AccountQuery>(onChange: (change: QueryChange) => void, key: K) {
  return useCallback(
    (value: AccountQuery[K]) => onChange((previous) => withValue(previous, key, value)),
    [onChange, key],
  );
}

interface Props {
  query: AccountQuery;
  onChange: (change: QueryChange) => void;
  /** The snapshot's OUs and groups, for their pickers; they take typed values before these arrive. */
  facets: InventoryFacets | undefined;
  /** The OU and group options are being read. */
  facetsLoading: boolean;
  /** The OU or group box was entered: read their options (once). */
  onFacetsWanted: () => void;
  searchRef?: Ref<HTMLInputElement>;
}

/** The Inventory's criteria: a control per field, free text, and the filter language for the rest. */
export const FilterBar = memo(function FilterBar({
  query,
  onChange,
  facets,
  facetsLoading,
  onFacetsWanted,
  searchRef,
}: Props) {
  const styles = useStyles();
  const ous = useMemo(() => ouOptions(facets), [facets]);
  const groups = useMemo(() => groupOptions(facets), [facets]);
  const setSearch = useCriterion(onChange, 'search');
  const setFilter = useCriterion(onChange, 'filter');
  const setType = useCriterion(onChange, 'type');
  const setNhi = useCriterion(onChange, 'isNhi');
  const setRisk = useCriterion(onChange, 'risk');
  const setUsage = useCriterion(onChange, 'usage');
  const setOwnerStatus = useCriterion(onChange, 'ownerStatus');
  const setHr = useCriterion(onChange, 'hr');
  const setOu = useCriterion(onChange, 'ou');
  const setGroup = useCriterion(onChange, 'group');
  const setPrivileged = useCriterion(onChange, 'privileged');
  return (
    <div className={styles.root} role="search" aria-label="Filter the accounts">
      <div className={styles.texts}>
        <TextCriterion
          label="Search"
          value={query.search}
          onApply={setSearch}
          placeholder="Name, DN or owner"
          hint="Ctrl+F jumps here."
          inputRef={searchRef}
        />
        <TextCriterion
          label="Filter expression"
          value={query.filter}
          onApply={setFilter}
          placeholder="type=service|gmsa and score>=10"
          hint="Clauses joined by and: field = != ~ !~ > >= < <= value, alternatives with |."
          monospace
        />
      </div>
      <div className={styles.choices}>
        <ChoiceCriterion label="Type" labels={TYPE_LABELS} value={query.type} onChange={setType} />
        <TriStateCriterion label="Identity" yes="Non-human" no="Human" value={query.isNhi} onChange={setNhi} />
        <ChoiceCriterion label="Risk" labels={TIER_LABELS} value={query.risk} onChange={setRisk} />
        <ChoiceCriterion label="Usage" labels={USAGE_LABELS} value={query.usage} onChange={setUsage} />
        <ChoiceCriterion
          label="Owner"
          labels={OWNER_STATUS_LABELS}
          value={query.ownerStatus}
          onChange={setOwnerStatus}
        />
        <ChoiceCriterion label="HR outcome" labels={HR_LABELS} value={query.hr} onChange={setHr} />
        <FacetCombobox
          label="OU"
          placeholder="Any OU, or type its path or DN"
          options={ous}
          value={query.ou}
          onChange={setOu}
          loading={facetsLoading}
          onFocus={onFacetsWanted}
        />
        <FacetCombobox
          label="Group"
          placeholder="Any group, or type its name"
          options={groups}
          value={query.group}
          onChange={setGroup}
          loading={facetsLoading}
          onFocus={onFacetsWanted}
        />
        <TriStateCriterion
          label="Privileged access"
          yes="Reaches a privileged group"
          no="Reaches no privileged group"
          value={query.privileged}
          onChange={setPrivileged}
        />
      </div>
    </div>
  );
});
