import { Field, Select } from '@fluentui/react-components';
import { memo } from 'react';

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
function ChoiceCriterionView<V extends string>({ label, labels, value, onChange }: Props<V>) {
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

/** Drawn again only when its own value changes, not at every change of another criterion. */
export const ChoiceCriterion = memo(ChoiceCriterionView) as typeof ChoiceCriterionView;
