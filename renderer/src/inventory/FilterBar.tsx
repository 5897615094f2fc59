import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { HR_LABELS, OWNER_STATUS_LABELS, TIER_LABELS, TYPE_LABELS, USAGE_LABELS } from '../risk/labels';
import type { AccountQuery } from '../risk/risk-types';
import { withValue } from './account-query';
import { ChoiceCriterion } from './ChoiceCriterion';
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

interface Props {
  query: AccountQuery;
  onChange: (query: AccountQuery) => void;
}

/** The Inventory's criteria: a control per field, free text, and the filter language for the rest. */
export function FilterBar({ query, onChange }: Props) {
  const styles = useStyles();
  const set =
    <K extends keyof AccountQuery>(key: K) =>
    (value: AccountQuery[K]) =>
      onChange(withValue(query, key, value));
  const kind = query.isNhi === undefined ? KIND.any : query.isNhi ? KIND.nhi : KIND.human;
  return (
    <div className={styles.root} role="search" aria-label="Filter the accounts">
      <div className={styles.texts}>
        <TextCriterion label="Search" value={query.search} onApply={set('search')} placeholder="Name, DN or owner" />
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
      </div>
    </div>
  );
}
