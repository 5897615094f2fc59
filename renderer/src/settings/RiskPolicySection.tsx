import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { call } from '../api/warden-client';
import { useWardenQuery } from '../api/use-warden-query';
import { toWardenApiError, WardenApiError } from '../api/warden-api-error';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { describePolicy } from '../dashboard/describe-policy';
import { PolicyProblems } from './PolicyProblems';
import { SettingsSection } from './SettingsSection';

const loadPolicies = () => call('getPolicy', {});
const asText = (policy: unknown) => JSON.stringify(policy, null, 2);

const useStyles = makeStyles({
  editor: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: '360px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Outcome = { kind: 'saved' | 'reset' } | { kind: 'failed'; title: string; error: WardenApiError };

/** Parses the editor's text; a JSON mistake is reported like the core's own errors. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (caught) {
    throw new WardenApiError({
      code: 'INVALID_JSON',
      message: `The policy is not valid JSON: ${caught instanceof Error ? caught.message : String(caught)}`,
    });
  }
}

/**
 * The risk policy as JSON: thresholds, rule weights, naming patterns,
 * sensitive groups. Saved, it applies to the next assessment at once,
 * without a rescan; every problem is named by its place in the JSON.
 */
export function RiskPolicySection() {
  const styles = useStyles();
  const policies = useWardenQuery(loadPolicies);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const inForce = policies.data?.inForce;
  const text = draft ?? (inForce === undefined ? '' : asText(inForce.policy));
  const changed = inForce !== undefined && draft !== undefined && draft !== asText(inForce.policy);

  const run = async (kind: 'saved' | 'reset', action: () => Promise<unknown>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      await action();
      setDraft(undefined);
      setOutcome({ kind });
      policies.reload();
    } catch (caught) {
      const title = kind === 'saved' ? 'The policy was not saved' : 'The policy was not reset';
      setOutcome({ kind: 'failed', title, error: toWardenApiError(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title="Risk policy">
      {policies.error !== undefined && (
        <ErrorMessageBar title="The risk policy could not be read" error={policies.error} />
      )}
      {inForce === undefined ? (
        policies.loading && <Spinner label="Reading the risk policy…" />
      ) : (
        <>
          <Body1 className={styles.muted}>
            In force: {describePolicy(inForce)}. Changes apply to every snapshot at once, without a rescan.
          </Body1>
          <Field label="Policy (JSON)" hint="Thresholds, rule weights, naming patterns, sensitive groups and tags.">
            <Textarea
              className={styles.editor}
              textarea={{ spellCheck: false }}
              value={text}
              resize="vertical"
              onChange={(_event, data) => setDraft(data.value)}
            />
          </Field>
          {outcome?.kind === 'failed' && (
            <>
              <ErrorMessageBar title={outcome.title} error={outcome.error} />
              <PolicyProblems problems={outcome.error.issues} />
            </>
          )}
          {outcome !== undefined && outcome.kind !== 'failed' && (
            <MessageBar intent="success">
              <MessageBarBody>
                {outcome.kind === 'saved'
                  ? 'Policy saved: the accounts are scored with it now.'
                  : 'Back to the bundled defaults.'}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={busy || !changed}
              onClick={() => void run('saved', () => call('savePolicy', { policy: parsed(text) }))}
            >
              Save policy
            </Button>
            <Button disabled={busy || !changed} onClick={() => setDraft(undefined)}>
              Discard changes
            </Button>
            <Button
              disabled={busy || inForce.source === 'default'}
              onClick={() => void run('reset', () => call('resetPolicy', {}))}
            >
              Reset to defaults
            </Button>
          </div>
        </>
      )}
    </SettingsSection>
  );
}
