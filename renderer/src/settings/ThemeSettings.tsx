import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { useSession } from '../app/session';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { ThemeChoice } from '../theme/use-resolved-theme';
import { SettingsSection } from './SettingsSection';

const choices: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemeSettings() {
  const { theme, setTheme } = useSession();
  const [error, setError] = useState<WardenApiError | undefined>(undefined);
  // The choice shows at once; the saved theme takes over when the store has it (or the save failed).
  const [pending, setPending] = useState<ThemeChoice | undefined>(undefined);

  const choose = async (next: ThemeChoice) => {
    setError(undefined);
    setPending(next);
    try {
      await setTheme(next);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setPending(undefined);
    }
  };

  return (
    <SettingsSection title="Appearance">
      <Field label="Theme">
        <RadioGroup value={pending ?? theme} onChange={(_event, data) => void choose(data.value as ThemeChoice)}>
          {choices.map(({ value, label }) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </RadioGroup>
      </Field>
      {error !== undefined && <ErrorMessageBar title="The theme was not saved" error={error} />}
    </SettingsSection>
  );
}
