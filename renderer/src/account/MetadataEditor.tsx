import { Button, Caption1, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { OperationInput } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { TYPE_LABELS, valuesOf } from '../risk/labels';
import type { AccountDetail, AccountType, MetadataKind } from '../risk/risk-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const NOUNS: Record<MetadataKind, string> = { type: 'type', owner: 'owner', tags: 'tags' };
const TYPES = valuesOf(TYPE_LABELS);

function initialValue(kind: MetadataKind, detail: AccountDetail): string {
  if (kind === 'type') return detail.metadata.type?.value ?? detail.account.type;
  if (kind === 'owner') return detail.metadata.owner?.value ?? detail.account.owner ?? '';
  return (detail.metadata.tags?.value ?? detail.account.tags).join(', ');
}

function inputOf(
  kind: MetadataKind,
  objectGuid: string,
  text: string | null,
  reason: string,
): OperationInput<'setAccountMetadata'> {
  switch (kind) {
    case 'type':
      return { objectGuid, kind, reason, value: TYPES.find((type) => type === text) ?? null };
    case 'owner':
      return { objectGuid, kind, reason, value: text === null ? null : text.trim() };
    case 'tags':
      return {
        objectGuid,
        kind,
        reason,
        value:
          text === null
            ? null
            : text
                .split(',')
                .map((tag) => tag.trim())
                .filter((tag) => tag !== ''),
      };
  }
}

interface Props {
  kind: MetadataKind;
  detail: AccountDetail;
  onSaved: (detail: AccountDetail) => void;
}

/**
 * Sets an account's type, owner or tags in Warden, over what the directory
 * and the classification say, with the reason the audit log keeps; or
 * withdraws what was set.
 */
export function MetadataEditor({ kind, detail, onSaved }: Props) {
  const styles = useStyles();
  const noun = NOUNS[kind];
  const fact = detail.metadata[kind];
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(() => initialValue(kind, detail));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);
  const ready = reason.trim() !== '' && (kind === 'tags' || value.trim() !== '');

  const save = async (text: string | null) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await call('setAccountMetadata', inputOf(kind, detail.account.objectGuid, text, reason.trim()));
      setEditing(false);
      setReason('');
      onSaved(saved);
    } catch (caught) {
      setError(toWardenApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const factLine =
    fact === null
      ? `Not set in Warden: the ${noun} comes from the directory and the policy.`
      : `Set in Warden by ${fact.actor} on ${new Date(fact.decidedAt).toLocaleString()}: “${fact.reason}”`;

  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{factLine}</Caption1>
      {!editing ? (
        <div className={styles.actions}>
          <Button size="small" onClick={() => setEditing(true)}>
            Change the {noun}
          </Button>
        </div>
      ) : (
        <form
          className={styles.form}
          aria-label={`Change the ${noun}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (ready && !saving) void save(value);
          }}
        >
          {kind === 'type' ? (
            <Field label="Type" required>
              <Select value={value} onChange={(_event, data) => setValue(data.value)}>
                {TYPES.map((type: AccountType) => (
                  <option key={type} value={type}>
                    {TYPE_LABELS[type]}
                  </option>
                ))}
              </Select>
            </Field>
          ) : kind === 'owner' ? (
            <Field label="Owner" required hint="A sAMAccountName, UPN, e-mail address or DN of the snapshot.">
              <Input value={value} onChange={(_event, data) => setValue(data.value)} />
            </Field>
          ) : (
            <Field label="Tags" hint="Separated by commas; the policy may give some tags a sensitivity.">
              <Input value={value} onChange={(_event, data) => setValue(data.value)} />
            </Field>
          )}
          <Field label="Reason" required hint="Kept in the audit log with your name.">
            <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} resize="vertical" />
          </Field>
          {error !== undefined && <ErrorMessageBar title={`The ${noun} was not changed`} error={error} />}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={!ready || saving}>
              {saving ? 'Saving…' : `Save the ${noun}`}
            </Button>
            {fact !== null && (
              <Button disabled={reason.trim() === '' || saving} onClick={() => void save(null)}>
                Withdraw what was set
              </Button>
            )}
            <Button disabled={saving} onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
