import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

interface Props {
  /** The sheet the preview read. */
  sheet: string | undefined;
  disabled: boolean;
  onChoose: (sheet: string) => void;
}

/**
 * The workbook's sheet to read. The preview names only the sheet it read, not
 * the others, so the name is typed; a wrong one is answered with the sheets
 * there are.
 */
export function HrSheetPicker({ sheet, disabled, onChoose }: Props) {
  const styles = useStyles();
  const [name, setName] = useState(sheet ?? '');
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
