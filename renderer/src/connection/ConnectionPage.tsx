import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft20Regular, PlugConnected20Regular, Save20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConnectionProfile } from '../api/contract-types';
import { call } from '../api/warden-client';
import { toWardenApiError, type WardenApiError } from '../api/warden-api-error';
import { useNavigation } from '../app/navigation';
import { navItems, type NavPage } from '../app/routes';
import { ErrorMessageBar } from '../components/ErrorMessageBar';
import { PageHeader } from '../components/PageHeader';
import { CaCertificateField } from './CaCertificateField';
import {
  defaultPorts,
  emptyForm,
  fieldErrorsFromIssues,
  formFromProfile,
  toProfilePayload,
  toTestRequest,
  type ConnectionFormValues,
  type FormField,
  type TestRequest,
} from './connection-form-model';
import { ConnectionTestStatus } from './ConnectionTestStatus';
import { DomainControllerFinder } from './DomainControllerFinder';
import { PlainTextBindDialog } from './PlainTextBindDialog';
import { TransportField } from './TransportField';
import { useConnectionTest } from './use-connection-test';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '760px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FieldErrors = Partial<Record<FormField, string>>;

interface Props {
  profile: ConnectionProfile | undefined;
  returnTo: NavPage;
}

/**
 * Creates or edits a connection profile and tests it against the domain
 * controller. The password typed lives in this component: it is sent with the
 * test, and saved (encrypted, in the store) only when the user ticks "Remember".
 * A plain LDAP test asks once more, every time, before the password leaves.
 */
export function ConnectionPage({ profile, returnTo }: Props) {
  const styles = useStyles();
  const { navigate } = useNavigation();
  const [values, setValues] = useState<ConnectionFormValues>(() =>
    profile === undefined ? emptyForm : formFromProfile(profile),
  );
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<WardenApiError | undefined>(undefined);
  const [saved, setSaved] = useState<ConnectionProfile | undefined>(undefined);
  const [hasSavedPassword, setHasSavedPassword] = useState(profile?.hasSavedPassword ?? false);
  const [plainBind, setPlainBind] = useState<TestRequest | undefined>(undefined);
  const connectionTest = useConnectionTest();
  const outcomeRef = useRef<HTMLDivElement>(null);

  // A result below the fold would look like nothing happened: bring it into view.
  const testStatus = connectionTest.state.status;
  useEffect(() => {
    if (testStatus !== 'idle' || saved !== undefined || saveError !== undefined) {
      outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [testStatus, saved, saveError]);

  const update = <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setFieldErrors((previous) => ({ ...previous, [key === 'plainLdapConfirmed' ? 'allowPlainLdap' : key]: undefined }));
    setSaved(undefined);
  };

  const fieldError = (field: FormField) => {
    const message = fieldErrors[field];
    return {
      validationMessage: message,
      validationState: message === undefined ? ('none' as const) : ('error' as const),
    };
  };

  // The contract's validation issues go next to their fields, whichever button sent the payload.
  const showIssues = (failure: WardenApiError) => setFieldErrors(fieldErrorsFromIssues(failure.issues));

  const plainLdapBlocked = values.transport === 'ldap' && !values.plainLdapConfirmed;
  const testing = connectionTest.state.status === 'running';

  const runTest = async (request: TestRequest) => {
    const outcome = await connectionTest.start(request);
    if (outcome.status === 'failed') showIssues(outcome.error);
  };

  const testConnection = () => {
    setFieldErrors({});
    const request = toTestRequest(values, password, hasSavedPassword);
    if (values.transport === 'ldap') setPlainBind(request);
    else void runTest(request);
  };

  const confirmPlainBind = () => {
    if (plainBind === undefined) return;
    setPlainBind(undefined);
    void runTest({ ...plainBind, confirmPlainTextBind: true });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    setSaved(undefined);
    setFieldErrors({});
    try {
      const result = await call('saveProfile', toProfilePayload(values, password));
      setValues((previous) => ({ ...previous, id: result.id, savePassword: result.hasSavedPassword }));
      setHasSavedPassword(result.hasSavedPassword);
      setSaved(result);
    } catch (caught) {
      const failure = toWardenApiError(caught);
      setSaveError(failure);
      showIssues(failure);
    } finally {
      setSaving(false);
    }
  };

  const returnLabel = navItems.find((item) => item.page === returnTo)?.label ?? 'Dashboard';

  return (
    <>
      <PageHeader
        title={profile === undefined ? 'Connect to a domain' : `Edit connection profile “${profile.name}”`}
        subtitle="Warden reads the directory over LDAP with the account you give here. A read-only account is enough."
        actions={
          <Button appearance="subtle" icon={<ArrowLeft20Regular />} onClick={() => navigate({ page: returnTo })}>
            Back to {returnLabel}
          </Button>
        }
      />
      <form className={styles.form} onSubmit={save} noValidate aria-label="Connection profile">
        <section className={styles.section} aria-labelledby="profile-section">
          <Subtitle2 as="h2" id="profile-section">
            Profile
          </Subtitle2>
          <div className={styles.pair}>
            <Field label="Profile name" required {...fieldError('name')}>
              <Input value={values.name} onChange={(_e, d) => update('name', d.value)} placeholder="Corp production" />
            </Field>
            <Field label="Domain" hint="Optional, e.g. corp.example.com" {...fieldError('domain')}>
              <Input value={values.domain} onChange={(_e, d) => update('domain', d.value)} />
            </Field>
          </div>
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="dc-section">
          <Subtitle2 as="h2" id="dc-section">
            Domain controller
          </Subtitle2>
          <DomainControllerFinder domain={values.domain} onPick={(host) => update('host', host)} />
          <div className={styles.pair}>
            <Field label="Host" required hint="DNS name or IP address of a domain controller" {...fieldError('host')}>
              <Input
                value={values.host}
                onChange={(_e, d) => update('host', d.value)}
                placeholder="dc01.corp.example.com"
              />
            </Field>
            <Field
              label="Port"
              hint={`Empty for the default, ${defaultPorts[values.transport]}`}
              {...fieldError('port')}
            >
              <Input
                type="number"
                min={1}
                max={65535}
                value={values.port}
                onChange={(_e, d) => update('port', d.value)}
                placeholder={String(defaultPorts[values.transport])}
              />
            </Field>
          </div>
          <TransportField
            transport={values.transport}
            plainLdapConfirmed={values.plainLdapConfirmed}
            onTransportChange={(transport) => update('transport', transport)}
            onPlainLdapConfirmedChange={(confirmed) => update('plainLdapConfirmed', confirmed)}
            error={fieldErrors.transport ?? fieldErrors.allowPlainLdap}
          />
          {values.transport !== 'ldap' && (
            <>
              <CaCertificateField
                value={values.caPem}
                onChange={(pem) => update('caPem', pem)}
                error={fieldErrors.caPem}
              />
              <Field
                label="Server name override"
                hint="Optional: the name on the domain controller's certificate, when you connect by IP address or alias"
                {...fieldError('serverName')}
              >
                <Input value={values.serverName} onChange={(_e, d) => update('serverName', d.value)} />
              </Field>
            </>
          )}
          <Field
            label="Search base"
            hint="Optional: the DN to read from; empty for the whole domain"
            {...fieldError('baseDn')}
          >
            <Input
              value={values.baseDn}
              onChange={(_e, d) => update('baseDn', d.value)}
              placeholder="DC=corp,DC=example,DC=com"
            />
          </Field>
        </section>

        <Divider />
        <section className={styles.section} aria-labelledby="signin-section">
          <Subtitle2 as="h2" id="signin-section">
            Sign-in
          </Subtitle2>
          <Field
            label="Bind as"
            required
            hint="UPN (svc-warden@corp.example.com), DOMAIN\user or a distinguished name"
            {...fieldError('bindName')}
          >
            <Input value={values.bindName} onChange={(_e, d) => update('bindName', d.value)} autoComplete="username" />
          </Field>
          <Field
            label="Password"
            hint={
              hasSavedPassword
                ? 'A password is saved in this profile: leave this empty to use it, or type another.'
                : 'Used for the connection test; saved only if you ask Warden to remember it.'
            }
            {...fieldError('password')}
          >
            <Input
              type="password"
              value={password}
              onChange={(_e, d) => {
                setPassword(d.value);
                setFieldErrors((previous) => ({ ...previous, password: undefined }));
              }}
              autoComplete="current-password"
            />
          </Field>
          <Field hint="Off unless you tick it. The password is kept encrypted in Warden's store and only ever sent to this host and bind account: changing either forgets it.">
            <Checkbox
              checked={values.savePassword}
              onChange={(_e, d) => update('savePassword', d.checked === true)}
              label="Remember the password in Warden's encrypted store"
            />
          </Field>
        </section>

        {plainLdapBlocked && (
          <MessageBar intent="warning">
            <MessageBarBody>
              Confirm “Send my password unencrypted” above, or choose LDAPS or StartTLS, to test or save this profile.
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            icon={<PlugConnected20Regular />}
            onClick={testConnection}
            disabled={testing || plainLdapBlocked}
          >
            Test connection
          </Button>
          <Button type="submit" icon={<Save20Regular />} disabled={saving || plainLdapBlocked}>
            Save profile
          </Button>
        </div>

        <div ref={outcomeRef} className={styles.outcome}>
          <ConnectionTestStatus state={connectionTest.state} onCancel={() => void connectionTest.cancel()} />
          {saveError !== undefined && <ErrorMessageBar title="Profile not saved" error={saveError} />}
          {saved !== undefined && (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>Profile saved</MessageBarTitle>“{saved.name}” is listed in{' '}
                <Link onClick={() => navigate({ page: 'settings' })}>Settings</Link>.{' '}
                {saved.hasSavedPassword
                  ? "The password is saved in Warden's encrypted store."
                  : 'The password was not saved.'}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </form>
      <PlainTextBindDialog
        bind={plainBind?.target}
        onConfirm={confirmPlainBind}
        onCancel={() => setPlainBind(undefined)}
      />
    </>
  );
}
