import { Field, Select } from '@fluentui/react-components';

interface Props<V extends string> {
  label: string;
  labels: Record<V, string>;
  /** The values chosen; one is shown, several read "several" (their chip names them). */
  value: readonly V[] | undefined;
  onChange: (value: V[] | undefined) => void;
}

const ANY = '';
const SEVERAL = '*several*';

/** One criterion picked from a vocabulary, or any value. */
export function ChoiceCriterion<V extends string>({ label, labels, value, onChange }: Props<V>) {
  const values = Object.keys(labels) as V[];
  const selected = value === undefined ? ANY : value.length === 1 ? (value[0] ?? ANY) : SEVERAL;
  return (
    <Field label={label}>
      <Select
        value={selected}
        onChange={(_event, data) => {
          const picked = values.find((candidate) => candidate === data.value);
          if (data.value === ANY) onChange(undefined);
          else if (picked !== undefined) onChange([picked]);
        }}
      >
        <option value={ANY}>Any</option>
        {selected === SEVERAL && <option value={SEVERAL}>Several</option>}
        {values.map((candidate) => (
          <option key={candidate} value={candidate}>
            {labels[candidate]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
