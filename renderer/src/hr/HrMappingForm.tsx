import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import {
  DATE_FORMAT_LABELS,
  HR_FIELD_LABELS,
  HR_FIELDS,
  type DateFormat,
  type HrField,
  type HrMapping,
} from './hr-fields';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
});

// Blank headers are not offered, so the empty value cannot be a column.
const NOT_IN_FILE = '';

interface Props {
  header: string[];
  mapping: HrMapping;
  disabled: boolean;
  onRemap: (field: HrField, column: string | null) => void;
  onDateFormat: (format: DateFormat) => void;
}

/** Which column of the file feeds each of Warden's fields, and how its dates are written. */
export function HrMappingForm({ header, mapping, disabled, onRemap, onDateFormat }: Props) {
  const styles = useStyles();
  // The mapping names a column by its header text: a blank one cannot be named.
  const columns = [...new Set(header.filter((name) => name.trim() !== ''))];
  return (
    <fieldset className={styles.grid}>
      <legend className={styles.legend}>Columns</legend>
      {HR_FIELDS.map((field) => (
        <Field key={field} label={HR_FIELD_LABELS[field]}>
          <Select
            value={mapping[field] ?? NOT_IN_FILE}
            disabled={disabled}
            onChange={(_event, data) => onRemap(field, data.value === NOT_IN_FILE ? null : data.value)}
          >
            <option value={NOT_IN_FILE}>Not in this file</option>
            {columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label="Dates are written" hint="Used when a date like 03/04/2025 could be read either way.">
        <Select
          value={mapping.dateFormat ?? 'auto'}
          disabled={disabled}
          onChange={(_event, data) => onDateFormat(data.value as DateFormat)}
        >
          {(Object.keys(DATE_FORMAT_LABELS) as DateFormat[]).map((format) => (
            <option key={format} value={format}>
              {DATE_FORMAT_LABELS[format]}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
