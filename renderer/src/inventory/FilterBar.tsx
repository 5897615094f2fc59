import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { memo, useMemo, type Ref } from 'react';
import { HR_LABELS, OWNER_STATUS_LABELS, TIER_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import type { AccountQuery } from '../risk/risk-types';
import { withValue } from './account-query';
import { ChoiceCriterion } from './ChoiceCriterion';
import { FacetCombobox, type FacetOption } from './FacetCombobox';
import type { InventoryFacets } from './inventory-types';
import { TextCriterion } from './TextCriterion';

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

const KIND = { any: '', nhi: 'nhi', human: 'human' } as const;
const PRIVILEGE = { any: '', yes: 'yes', no: 'no' } as const;

// One formatter for every count: toLocaleString() builds a new one per call, and a domain has a thousand groups.
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

interface Props {
  query: AccountQuery;
  onChange: (query: AccountQuery) => void;
  /** The snapshot's OUs and groups, for their pickers; they still take typed values before these arrive. */
  facets: InventoryFacets | undefined;
  searchRef?: Ref<HTMLInputElement>;
}

/** The Inventory's criteria: a control per field, free text, and the filter language for the rest. */
export const FilterBar = memo(function FilterBar({ query, onChange, facets, searchRef }: Props) {
  const styles = useStyles();
  const ous = useMemo(() => ouOptions(facets), [facets]);
  const groups = useMemo(() => groupOptions(facets), [facets]);
  const set =
    <K extends keyof AccountQuery>(key: K) =>
    (value: AccountQuery[K]) =>
      onChange(withValue(query, key, value));
  const kind = query.isNhi === undefined ? KIND.any : query.isNhi ? KIND.nhi : KIND.human;
  const privilege = query.privileged === undefined ? PRIVILEGE.any : query.privileged ? PRIVILEGE.yes : PRIVILEGE.no;
  return (
    <div className={styles.root} role="search" aria-label="Filter the accounts">
      <div className={styles.texts}>
        <TextCriterion
          label="Search"
          value={query.search}
          onApply={set('search')}
          placeholder="Name, DN or owner"
          hint="Ctrl+F jumps here."
          inputRef={searchRef}
        />
        <TextCriterion
          label="Filter expression"
          value={query.filter}
          onApply={set('filter')}
          placeholder="type=service|gmsa and score>=10"
          hint="Clauses joined by and: field = != ~ !~ > >= < <= value, alternatives with |."
          monospace
        />
      </div>
      <div className={styles.choices}>
        <ChoiceCriterion label="Type" labels={TYPE_LABELS} value={query.type} onChange={set('type')} />
        <Field label="Identity">
          <Select
            value={kind}
            onChange={(_event, data) =>
              set('isNhi')(data.value === KIND.nhi ? true : data.value === KIND.human ? false : undefined)
            }
          >
            <option value={KIND.any}>Any</option>
            <option value={KIND.nhi}>Non-human</option>
            <option value={KIND.human}>Human</option>
          </Select>
        </Field>
        <ChoiceCriterion label="Risk" labels={TIER_LABELS} value={query.risk} onChange={set('risk')} />
        <ChoiceCriterion label="Usage" labels={USAGE_LABELS} value={query.usage} onChange={set('usage')} />
        <ChoiceCriterion
          label="Owner"
          labels={OWNER_STATUS_LABELS}
          value={query.ownerStatus}
          onChange={set('ownerStatus')}
        />
        <ChoiceCriterion label="HR outcome" labels={HR_LABELS} value={query.hr} onChange={set('hr')} />
        <FacetCombobox
          label="OU"
          placeholder="Any OU, or type its path or DN"
          options={ous}
          value={query.ou}
          onChange={set('ou')}
        />
        <FacetCombobox
          label="Group"
          placeholder="Any group, or type its name"
          options={groups}
          value={query.group}
          onChange={set('group')}
        />
        <Field label="Privileged access">
          <Select
            value={privilege}
            onChange={(_event, data) =>
              set('privileged')(data.value === PRIVILEGE.yes ? true : data.value === PRIVILEGE.no ? false : undefined)
            }
          >
            <option value={PRIVILEGE.any}>Any</option>
            <option value={PRIVILEGE.yes}>Reaches a privileged group</option>
            <option value={PRIVILEGE.no}>Reaches no privileged group</option>
          </Select>
        </Field>
      </div>
    </div>
  );
});
