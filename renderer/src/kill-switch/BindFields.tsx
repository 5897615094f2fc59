import { Body1, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import type { ConnectionProfile } from '../api/contract-types';
import { profileWords } from './use-bind-profiles';

export interface BindDraft {
  profileId: string;
  password: string;
  confirmPlainText: boolean;
}

interface Props {
  profiles: ConnectionProfile[];
  snapshotProfile: ConnectionProfile | undefined;
  value: BindDraft;
  onChange: (value: BindDraft) => void;
  disabled?: boolean;
}

/** The profile chosen, or the snapshot's, or the only one saved. */
export function chosenProfile(
  profiles: ConnectionProfile[],
  snapshotProfile: ConnectionProfile | undefined,
  profileId: string,
): ConnectionProfile | undefined {
  return (
    profiles.find((profile) => profile.id === profileId) ??
    snapshotProfile ??
    (profiles.length === 1 ? profiles[0] : undefined)
  );
}

/**
 * The connection and the operator's password for one destructive action. The
 * password is asked every time, even when the profile keeps one: a change in
 * the directory is made by whoever types it now, not by whoever saved it.
 */
export function BindFields({ profiles, snapshotProfile, value, onChange, disabled = false }: Props) {
  const chosen = chosenProfile(profiles, snapshotProfile, value.profileId);
  return (
    <>
      {profiles.length === 0 ? (
        <Body1>No connection profile is saved: add one in Settings first.</Body1>
      ) : (
        <Field
          label="Connection profile"
          required
          hint={
            snapshotProfile !== undefined && chosen?.id === snapshotProfile.id
              ? 'The profile the latest snapshot was scanned with.'
              : 'The domain of the latest snapshot.'
          }
        >
          <Select
            value={chosen?.id ?? ''}
            disabled={disabled}
            onChange={(_event, data) => onChange({ ...value, profileId: data.value, confirmPlainText: false })}
          >
            {chosen === undefined && <option value="">Choose a profile</option>}
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profileWords(profile)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label="Your password"
        required
        hint={
          chosen === undefined
            ? 'Asked for this action only; a password saved in a profile is never used for it.'
            : `The password of ${chosen.bindName}, for a fresh bind before anything changes; a saved password is never used here.`
        }
      >
        <Input
          type="password"
          value={value.password}
          disabled={disabled}
          autoComplete="current-password"
          onChange={(_event, data) => onChange({ ...value, password: data.value })}
        />
      </Field>
      {chosen?.transport === 'ldap' && (
        <Checkbox
          checked={value.confirmPlainText}
          disabled={disabled}
          label={`Send the password to ${chosen.host} in clear text over plain LDAP (anyone on the network path can read it)`}
          onChange={(_event, data) => onChange({ ...value, confirmPlainText: data.checked === true })}
        />
      )}
    </>
  );
}
