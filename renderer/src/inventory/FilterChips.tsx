import { memo } from 'react';
import { Button, Caption1, makeStyles, Tag, TagGroup, tokens } from '@fluentui/react-components';
import type { AccountQuery } from '../risk/risk-types';
import { chipsOf, withoutKey, type QueryKey } from './account-query';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  query: AccountQuery;
  onChange: (query: AccountQuery) => void;
}

/** The criteria in force, each removable; none reads "all accounts". */
export const FilterChips = memo(function FilterChips({ query, onChange }: Props) {
  const styles = useStyles();
  const chips = chipsOf(query);
  return (
    <div className={styles.root}>
      {chips.length === 0 ? (
        <Caption1 className={styles.muted}>Showing all accounts.</Caption1>
      ) : (
        <>
          <TagGroup
            aria-label="Filters in force"
            onDismiss={(_event, data) => onChange(withoutKey(query, data.value as QueryKey))}
          >
            {chips.map((chip) => (
              <Tag
                key={chip.key}
                value={chip.key}
                dismissible
                shape="circular"
                size="small"
                aria-label={`Remove the filter ${chip.label}`}
              >
                {chip.label}
              </Tag>
            ))}
          </TagGroup>
          <Button appearance="transparent" size="small" onClick={() => onChange({})}>
            Clear all filters
          </Button>
        </>
      )}
    </div>
  );
});
