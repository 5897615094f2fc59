import { Body1, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  /** The name of the file being read, while it is. */
  reading: string | undefined;
  onPick: (file: File) => void;
}

/** Picks the HR export; the browser hands over the file itself, never its path. */
export function HrFilePicker({ reading, onPick }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  return (
    <div className={styles.root}>
      <Body1 id={hintId} className={styles.hint}>
        Export the employee list from your HR system as CSV or Excel (.xlsx). It needs a column for an employee ID or an
        e-mail, and one for a name or a user name.
      </Body1>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="HR employee list file"
        aria-describedby={hintId}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so picking the same file again (after fixing it) still fires a change.
          event.target.value = '';
          if (file !== undefined) onPick(file);
        }}
      />
      {reading === undefined ? (
        <Button appearance="primary" icon={<DocumentArrowUp20Regular />} onClick={() => input.current?.click()}>
          Choose a file…
        </Button>
      ) : (
        <Spinner size="small" label={`Reading ${reading}…`} />
      )}
    </div>
  );
}
