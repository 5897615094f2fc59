import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useState, type Ref } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

interface Props {
  label: string;
  /** The text applied now; undefined for none. */
  value: string | undefined;
  onApply: (value: string | undefined) => void;
  placeholder?: string;
  hint?: string;
  monospace?: boolean;
  /** The text box itself, for a shortcut that focuses it. */
  inputRef?: Ref<HTMLInputElement>;
}

/** A text criterion typed freely and applied with Enter or its button, not at each keystroke. */
export const TextCriterion = memo(function TextCriterion({
  label,
  value,
  onApply,
  placeholder,
  hint,
  monospace = false,
  inputRef,
}: Props) {
  const styles = useStyles();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // Removed from outside (its chip): the box follows.
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        const text = draft.trim();
        onApply(text === '' ? undefined : text);
      }}
    >
      <Field className={styles.field} label={label} hint={hint}>
        <Input
          value={draft}
          placeholder={placeholder}
          onChange={(_event, data) => setDraft(data.value)}
          input={{ className: monospace ? styles.mono : undefined, ref: inputRef }}
        />
      </Field>
      <Button type="submit" aria-label={`Apply ${label.toLowerCase()}`}>
        Apply
      </Button>
    </form>
  );
});
