import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import type { AccountResult, MatchDecisionKind } from './outcomes';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export const DECISIONS: Record<MatchDecisionKind, { action: string; explanation: string }> = {
  confirm: {
    action: 'Confirm match',
    explanation: 'The account belongs to this employee, whatever the rules find later.',
  },
  reject: {
    action: 'Reject match',
    explanation: 'This employee is never matched with this account again, by any rule.',
  },
  human: {
    action: 'Mark human',
    explanation: 'A person is behind this account, though the HR list does not name them.',
  },
  nhi: {
    action: 'Mark NHI',
    explanation: 'No person is behind this account: it is a non-human identity and matches no one.',
  },
};

/** The employees a rule pointed at, once each: the ones a match can be confirmed or rejected for. */
function candidateIds(account: AccountResult): string[] {
  const people = [account.person, ...account.candidates];
  return [...new Set(people.flatMap((person) => (person?.employeeId == null ? [] : [person.employeeId])))];
}

export interface DecisionRequest {
  account: AccountResult;
  decision: MatchDecisionKind;
}

interface Props {
  request: DecisionRequest;
  onClose: () => void;
  onRecorded: () => void;
}

/** One decision about one account, with the reason the audit log keeps. */
export function MatchDecisionDialog({ request, onClose, onRecorded }: Props) {
  const styles = useStyles();
  const { account, decision } = request;
  const needsEmployee = decision === 'confirm' || decision === 'reject';
  const candidates = candidateIds(account);
  const [employeeId, setEmployeeId] = useState(candidates[0] ?? '');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<WardenApiError | undefined>(undefined);
  const ready = reason.trim() !== '' && (!needsEmployee || employeeId.trim() !== '');

  const record = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await call('recordMatchDecision', {
        account: account.objectGuid,
        decision,
        reason: reason.trim(),
        ...(needsEmployee ? { employeeId: employeeId.trim() } : {}),
      });
      onRecorded();
    } catch (caught) {
      setError(toWardenApiError(caught));
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && !saving && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready && !saving) void record();
          }}
        >
          <DialogBody>
            <DialogTitle>
              {DECISIONS[decision].action}: {account.samAccountName}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Body1>{DECISIONS[decision].explanation}</Body1>
              {needsEmployee &&
                (candidates.length > 0 ? (
                  <Field label="Employee" required>
                    <Select value={employeeId} onChange={(_event, data) => setEmployeeId(data.value)}>
                      {candidates.map((id) => (
                        <option key={id} value={id}>
                          {id}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : (
                  <Field label="Employee ID" required hint="As on the current HR list.">
                    <Input value={employeeId} onChange={(_event, data) => setEmployeeId(data.value)} />
                  </Field>
                ))}
              <Field label="Reason" required hint="Kept in the audit log with your name.">
                <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} resize="vertical" />
              </Field>
              {error !== undefined && <ErrorMessageBar title="The decision was not recorded" error={error} />}
            </DialogContent>
            <DialogActions>
              <Button disabled={saving} onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={!ready || saving}>
                {saving ? 'Recording…' : 'Record decision'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
