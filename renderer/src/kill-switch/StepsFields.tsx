import { Caption1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';

export interface StepsDraft {
  disable: boolean;
  resetPassword: boolean;
  removeGroups: boolean;
  quarantine: boolean;
  quarantineOu: string;
  stamp: boolean;
}

/** Disabling is what a kill switch is for; everything else is asked for. */
export const DEFAULT_STEPS: StepsDraft = {
  disable: true,
  resetPassword: false,
  removeGroups: false,
  quarantine: false,
  quarantineOu: '',
  stamp: false,
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalXXL },
});

interface Props {
  value: StepsDraft;
  onChange: (value: StepsDraft) => void;
  /** Over plain LDAP a password cannot be set (AD refuses it), so it is not offered. */
  encrypted: boolean;
  disabled?: boolean;
}

/** The containment steps, in the order they run. */
export function StepsFields({ value, onChange, encrypted, disabled = false }: Props) {
  const styles = useStyles();
  const set = (change: Partial<StepsDraft>) => onChange({ ...value, ...change });
  return (
    <fieldset className={styles.root} aria-label="Containment steps" disabled={disabled}>
      <Checkbox
        label="Disable the account"
        checked={value.disable}
        onChange={(_event, data) => set({ disable: data.checked === true })}
      />
      {encrypted ? (
        <Checkbox
          label="Set a random password (never shown or stored)"
          checked={value.resetPassword}
          onChange={(_event, data) => set({ resetPassword: data.checked === true })}
        />
      ) : (
        <Caption1 className={styles.muted}>
          A random password can only be set over LDAPS or StartTLS; this profile uses plain LDAP.
        </Caption1>
      )}
      <Checkbox
        label="Remove from all groups"
        checked={value.removeGroups}
        onChange={(_event, data) => set({ removeGroups: data.checked === true })}
      />
      <Checkbox
        label="Move to a quarantine OU"
        checked={value.quarantine}
        onChange={(_event, data) => set({ quarantine: data.checked === true })}
      />
      {value.quarantine && (
        <Field label="Quarantine OU (DN)" required hint="The OU must exist; the account keeps its name.">
          <Input
            value={value.quarantineOu}
            placeholder="OU=Quarantine,DC=corp,DC=example,DC=com"
            onChange={(_event, data) => set({ quarantineOu: data.value })}
          />
        </Field>
      )}
      <Checkbox
        label="Stamp who, when and why into description and info"
        checked={value.stamp}
        onChange={(_event, data) => set({ stamp: data.checked === true })}
      />
    </fieldset>
  );
}

/** The steps as the contract takes them; a quarantine OU left empty is no quarantine. */
export function stepsInput(draft: StepsDraft, encrypted: boolean) {
  const ou = draft.quarantineOu.trim();
  return {
    disable: draft.disable,
    resetPassword: encrypted && draft.resetPassword,
    removeGroups: draft.removeGroups,
    quarantineOu: draft.quarantine && ou !== '' ? ou : null,
    stamp: draft.stamp,
  };
}

export function anyStep(draft: StepsDraft, encrypted: boolean): boolean {
  const steps = stepsInput(draft, encrypted);
  return steps.disable || steps.resetPassword || steps.removeGroups || steps.quarantineOu !== null || steps.stamp;
}
