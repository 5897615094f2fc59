import type { OperationInput } from '../api/contract-types';
import type { ConnectionProfile } from '../api/contract-types';

export type Transport = ConnectionProfile['transport'];
export type ProfilePayload = OperationInput<'saveProfile'>;
export type TargetPayload = OperationInput<'testConnection'>['target'];
export type TestRequest = Omit<OperationInput<'testConnection'>, 'taskId'>;

/** What the form holds: text as typed. The contract, not the form, decides what is valid. */
export interface ConnectionFormValues {
  id: string | undefined;
  name: string;
  domain: string;
  host: string;
  port: string;
  transport: Transport;
  /** The explicit "send my password unencrypted" confirmation; only meaningful for plain LDAP. */
  plainLdapConfirmed: boolean;
  caPem: string;
  serverName: string;
  bindName: string;
  baseDn: string;
  /** "Remember the password": saved, encrypted, in the store; off unless the user ticks it. */
  savePassword: boolean;
}

export type FormField =
  Exclude<keyof ConnectionFormValues, 'id' | 'plainLdapConfirmed'> | 'allowPlainLdap' | 'password';

export const defaultPorts: Record<Transport, number> = { ldaps: 636, starttls: 389, ldap: 389 };

export const transportLabels: Record<Transport, string> = {
  ldaps: 'LDAPS (TLS from the first byte)',
  starttls: 'StartTLS (LDAP upgraded to TLS)',
  ldap: 'Plain LDAP (unencrypted)',
};

export const emptyForm: ConnectionFormValues = {
  id: undefined,
  name: '',
  domain: '',
  host: '',
  port: '',
  transport: 'ldaps',
  plainLdapConfirmed: false,
  caPem: '',
  serverName: '',
  bindName: '',
  baseDn: '',
  savePassword: false,
};

export function formFromProfile(profile: ConnectionProfile): ConnectionFormValues {
  return {
    id: profile.id,
    name: profile.name,
    domain: profile.domain,
    host: profile.host,
    port: profile.port === undefined ? '' : String(profile.port),
    transport: profile.transport,
    plainLdapConfirmed: profile.allowPlainLdap,
    caPem: profile.caPem ?? '',
    serverName: profile.serverName ?? '',
    bindName: profile.bindName,
    baseDn: profile.baseDn ?? '',
    savePassword: profile.hasSavedPassword,
  };
}

/** Blank optional text means "not given": the contract rejects empty strings for these. */
function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** An empty port means the transport's default; anything else goes to the contract as a number to judge. */
function optionalPort(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** The contract's target, as testConnection takes it. */
export function toTarget(values: ConnectionFormValues): TargetPayload {
  return withoutUndefined({
    host: values.host,
    port: optionalPort(values.port),
    transport: values.transport,
    allowPlainLdap: values.transport === 'ldap' && values.plainLdapConfirmed,
    caPem: optionalText(values.caPem),
    serverName: optionalText(values.serverName),
    bindName: values.bindName,
    baseDn: optionalText(values.baseDn),
  });
}

/**
 * The profile to save: the target plus its name and domain, and the password
 * only when the user asked to remember it. Left empty while remembering, the
 * saved password stays, as long as host and bind name are unchanged.
 */
export function toProfilePayload(values: ConnectionFormValues, password: string): ProfilePayload {
  return withoutUndefined({
    id: values.id,
    name: values.name,
    domain: values.domain,
    ...toTarget(values),
    savePassword: values.savePassword,
    password: values.savePassword && password !== '' ? password : undefined,
  });
}

/**
 * A connection test: the password typed, or, when none is and the profile
 * being edited has one saved, that profile's id (the core uses its password
 * only for the host and account it was saved for).
 */
export function toTestRequest(values: ConnectionFormValues, password: string, hasSavedPassword: boolean): TestRequest {
  const useSaved = password === '' && hasSavedPassword && values.id !== undefined;
  return {
    target: toTarget(values),
    ...(useSaved ? { profileId: values.id } : { password }),
  };
}

const knownFields = new Set<string>([
  'name',
  'domain',
  'host',
  'port',
  'transport',
  'allowPlainLdap',
  'caPem',
  'serverName',
  'bindName',
  'baseDn',
  'password',
]);

/**
 * Puts the contract's validation issues ("target.host: host must be a DNS name
 * or IP address") next to the fields they are about.
 */
export function fieldErrorsFromIssues(issues: readonly string[]): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  for (const issue of issues) {
    const separator = issue.indexOf(': ');
    if (separator < 0) continue;
    const field = issue.slice(0, separator).replace(/^target\./, '');
    if (knownFields.has(field)) errors[field as FormField] ??= issue.slice(separator + 2);
  }
  return errors;
}
