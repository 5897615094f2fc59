import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

interface Props {
  /** The sheet the preview read. */
  sheet: string | undefined;
  /** Every sheet of the workbook, in its order; absent when the preview could not list them. */
  sheets: string[] | undefined;
  disabled: boolean;
  onChoose: (sheet: string) => void;
}

/**
 * The workbook's sheet to read, picked from the sheets the preview lists.
 * When it lists none the name is typed instead; a wrong one is answered with
 * the sheets there are.
 */
export function HrSheetPicker({ sheet, sheets, disabled, onChoose }: Props) {
  const styles = useStyles();
  const [name, setName] = useState(sheet ?? '');
  if (sheets !== undefined && sheets.length > 0) {
    return (
      <Field label="Sheet">
        <Select
          value={sheet ?? ''}
          disabled={disabled}
          onChange={(_event, data) => data.value !== sheet && onChoose(data.value)}
        >
          {sheets.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  const wanted = name.trim();
  const read = () => wanted !== '' && wanted !== sheet && onChoose(wanted);
  return (
    <div className={styles.root}>
      <Field label="Sheet">
        <Input
          value={name}
          disabled={disabled}
          onChange={(_event, data) => setName(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && read()}
        />
      </Field>
      <Button disabled={disabled || wanted === '' || wanted === sheet} onClick={read}>
        Read this sheet
      </Button>
    </div>
  );
}
