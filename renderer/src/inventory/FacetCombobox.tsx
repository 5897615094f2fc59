import { Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { memo, useState } from 'react';

export interface FacetOption {
  /** What the criterion takes: a DN. */
  value: string;
  /** What the list and the box show: a path or a name. */
  text: string;
  /** What qualifies it: how many accounts, privileged or not. */
  detail: string;
}

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The list stays short enough to draw at once; typing narrows it. */
const SHOWN = 50;

interface Props {
  label: string;
  placeholder: string;
  options: readonly FacetOption[];
  /** The value applied now (a DN), if any. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** The options are being read (they are asked for the first time the box is used). */
  loading: boolean;
  /** The box got focus: its options will be wanted. */
  onFocus: () => void;
}

/**
 * A criterion picked from the snapshot's own values (OUs, groups), or typed:
 * a name or DN the list does not offer applies with Enter, an emptied box
 * removes the criterion.
 */
export const FacetCombobox = memo(function FacetCombobox({
  label,
  placeholder,
  options,
  value,
  onChange,
  loading,
  onFocus,
}: Props) {
  const styles = useStyles();
  const textOf = (candidate: string | undefined) =>
    candidate === undefined ? '' : (options.find((option) => option.value === candidate)?.text ?? candidate);
  const [draft, setDraft] = useState(textOf(value));
  const [shown, setShown] = useState(value);
  // Controlled, so that applying a value (picked or typed) always closes the list.
  const [open, setOpen] = useState(false);
  // Changed from outside (a chip removed, a view applied): the box follows.
  if (shown !== value) {
    setShown(value);
    setDraft(textOf(value));
  }
  const typed = draft.trim().toLowerCase();
  const narrowing = typed !== '' && typed !== textOf(value).toLowerCase();
  const matching = (
    narrowing
      ? options.filter(
          (option) => option.text.toLowerCase().includes(typed) || option.value.toLowerCase().includes(typed),
        )
      : options
  ).slice(0, SHOWN);

  const applyDraft = () => {
    const text = draft.trim();
    setOpen(false);
    if (text === '') onChange(undefined);
    else onChange(options.find((option) => option.text.toLowerCase() === text.toLowerCase())?.value ?? text);
  };

  return (
    <Field label={label}>
      <Combobox
        freeform
        placeholder={placeholder}
        value={draft}
        open={open}
        onOpenChange={(_event, data) => setOpen(data.open)}
        selectedOptions={value === undefined ? [] : [value]}
        onFocus={onFocus}
        onChange={(event) => setDraft(event.target.value)}
        onOptionSelect={(_event, data) => {
          if (data.optionValue === undefined) return;
          setDraft(data.optionText ?? data.optionValue);
          setOpen(false);
          onChange(data.optionValue);
        }}
        onKeyDown={(event) => {
          // Enter on an option of the open list selects it (onOptionSelect); on typed text it applies the text.
          if (event.key === 'Enter' && (!open || matching.length === 0)) applyDraft();
        }}
      >
        {loading && options.length === 0 && (
          <Option disabled value="" text="">
            Reading the snapshot…
          </Option>
        )}
        {matching.map((option) => (
          <Option key={option.value} value={option.value} text={option.text}>
            <span className={styles.option}>
              <span>{option.text}</span>
              <span className={styles.detail}>{option.detail}</span>
            </span>
          </Option>
        ))}
      </Combobox>
    </Field>
  );
});
