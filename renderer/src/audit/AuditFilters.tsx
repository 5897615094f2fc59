import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

export interface AuditFilterValues {
  action: string;
  target: string;
  since: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { action: '', target: '', since: '' };

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** Families and actions worth picking from a list; any other can be typed in the target search. */
const ACTIONS: [string, string][] = [
  ['', 'All actions'],
  ['kill-switch', 'Kill switch (disable and restore)'],
  ['kill-switch.contain', 'Kill switch: disable'],
  ['kill-switch.restore', 'Kill switch: restore'],
];

interface Props {
  value: AuditFilterValues;
  onApply: (value: AuditFilterValues) => void;
}

/** Action, target and a start date; applied together, so typing does not query at each key. */
export function AuditFilters({ value, onApply }: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className={styles.root} onSubmit={submit} aria-label="Audit log filters">
      <Field label="Action">
        <Select value={draft.action} onChange={(_event, data) => setDraft({ ...draft, action: data.value })}>
          {ACTIONS.map(([action, label]) => (
            <option key={action} value={action}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Target" hint="Part of the DN, or an objectGUID, sAMAccountName, UPN or SID.">
        <Input value={draft.target} onChange={(_event, data) => setDraft({ ...draft, target: data.value })} />
      </Field>
      <Field label="Since">
        <Input type="date" value={draft.since} onChange={(_event, data) => setDraft({ ...draft, since: data.value })} />
      </Field>
      <Button type="submit" appearance="primary">
        Apply filters
      </Button>
      <Button
        onClick={() => {
          setDraft(NO_AUDIT_FILTERS);
          onApply(NO_AUDIT_FILTERS);
        }}
      >
        Clear filters
      </Button>
    </form>
  );
}
