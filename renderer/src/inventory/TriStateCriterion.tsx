import { Field, Select } from '@fluentui/react-components';
import { memo } from 'react';

interface Props {
  label: string;
  /** What "yes" and "no" read as, e.g. "Non-human" and "Human". */
  yes: string;
  no: string;
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
}

const ANY = '';
const YES = 'yes';
const NO = 'no';

/** A criterion that holds or not, or any. */
export const TriStateCriterion = memo(function TriStateCriterion({ label, yes, no, value, onChange }: Props) {
  return (
    <Field label={label}>
      <Select
        value={value === undefined ? ANY : value ? YES : NO}
        onChange={(_event, data) => onChange(data.value === YES ? true : data.value === NO ? false : undefined)}
      >
        <option value={ANY}>Any</option>
        <option value={YES}>{yes}</option>
        <option value={NO}>{no}</option>
      </Select>
    </Field>
  );
});
