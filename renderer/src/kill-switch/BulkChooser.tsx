import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useWardenQuery } from '../api/use-warden-query';
import { call } from '../api/warden-client';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { BulkChoice } from './bulk-selection';

const loadViews = () => call('listViews', {});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '320px' },
});

interface Props {
  disabled: boolean;
  onChoose: (choice: BulkChoice) => void;
}

/** Which accounts a bulk action is about: a filter expression of the risk filter language, or a saved view. */
export function BulkChooser({ disabled, onChoose }: Props) {
  const styles = useStyles();
  const views = useWardenQuery(loadViews);
  const [kind, setKind] = useState<'filter' | 'view'>('filter');
  const [filter, setFilter] = useState('');
  const [viewId, setViewId] = useState('');
  const saved = views.data ?? [];
  const view = saved.find((candidate) => candidate.id === viewId) ?? saved[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'filter' && filter.trim() !== '') {
      onChoose({ kind: 'filter', filter: filter.trim(), criteria: { filter: filter.trim() } });
    } else if (kind === 'view' && view !== undefined) {
      onChoose({ kind: 'view', name: view.name, criteria: view.criteria });
    }
  };

  return (
    <form className={styles.root} onSubmit={submit} aria-label="Accounts to disable">
      <RadioGroup
        layout="horizontal"
        aria-label="Select accounts by"
        value={kind}
        disabled={disabled}
        onChange={(_event, data) => setKind(data.value === 'view' ? 'view' : 'filter')}
      >
        <Radio value="filter" label="A filter expression" />
        <Radio value="view" label="A saved view" />
      </RadioGroup>
      <div className={styles.row}>
        {kind === 'filter' ? (
          <Field
            className={styles.grow}
            label="Filter"
            hint="The risk filter language, e.g. type=ai-agent, or isNhi=true and ownerStatus=leaver."
          >
            <Input
              value={filter}
              disabled={disabled}
              placeholder="type=service and ownerStatus=leaver"
              onChange={(_event, data) => setFilter(data.value)}
            />
          </Field>
        ) : (
          <Field className={styles.grow} label="Saved view" hint="Saved on the Inventory page.">
            <Select
              value={view?.id ?? ''}
              disabled={disabled || saved.length === 0}
              onChange={(_event, data) => setViewId(data.value)}
            >
              {saved.length === 0 && <option value="">No saved view</option>}
              {saved.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button
          type="submit"
          appearance="primary"
          disabled={disabled || (kind === 'filter' ? filter.trim() === '' : view === undefined)}
        >
          Show matching accounts
        </Button>
      </div>
      {views.error !== undefined && <ErrorMessageBar title="Could not read the saved views" error={views.error} />}
    </form>
  );
}
