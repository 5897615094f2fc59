import { EqualityFilter, PresenceFilter, type Filter } from 'ldapts';
import type { ConnectionTarget } from '../api/schemas';
import { WardenError } from '../errors';
import { raceAbort } from './abortable';
import { AttributeValueError } from './attribute-error';
import { bufferAttributesFor } from './binary-attributes';
import { clientOf, close, errorContext, type DirectoryConnection } from './connection';
import { connectToTarget } from './connect-target';
import { decodeGuid, encodeGuid } from './decode-guid';
import { discoverDomainControllers } from './discover-dcs';
import { DEFAULT_PORTS } from './endpoint';
import { firstString } from './entry-values';
import { DirectoryError, isDirectoryError, type DirectoryErrorCode } from './errors';
import { fileTimeToIso } from './filetime';
import { escapeFilter } from './filters';
import { cancelled, toDirectoryError } from './map-error';
import { readRootDse } from './root-dse';
import type { DirectoryEntry } from './search';

/** An account to read: by objectGUID (stable across renames and moves) or by its DN. */
export type LastLogonAccount = { objectGuid: string } | { dn: string };

/** A domain controller to ask, reached with the target's transport, trust and bind. */
export interface DomainControllerAddress {
  host: string;
  /** Default: the target's port when this is the target's host, else the transport's (636 or 389). */
  port?: number;
  /** The name its certificate carries, when `host` is an address; the target's own applies to the target's host. */
  serverName?: string;
}

export interface LastLogonProgress {
  host: string;
  /** 0-based position of the DC being asked. */
  dcIndex: number;
  dcCount: number;
}

export interface ReadLastLogonOptions {
  /** How to connect and bind; each DC is reached the same way with its own host. */
  target: ConnectionTarget;
  password: string;
  accounts: readonly LastLogonAccount[];
  /** The DCs to ask. Default: those the domain advertises in DNS, else the target's own host. */
  domainControllers?: readonly DomainControllerAddress[];
  /** The DNS domain to discover DCs of. Default: from the target's base DN, else its bind name. */
  domain?: string;
  /** DNS servers for the discovery ("ip" or "ip:port"); the system's when absent. */
  dnsServers?: string[];
  signal?: AbortSignal;
  onProgress?: (progress: LastLogonProgress) => void;
}

/** What one DC says about one account. */
export interface DcLastLogon {
  host: string;
  port: number;
  /** This DC's lastLogon: null when it never recorded a logon (0 or no value), or when it did not answer. */
  lastLogon: string | null;
  /** Why this DC gave no value for the account, in the words shown to the user. */
  error?: string;
  errorCode?: string;
}

export interface AccountLastLogon {
  /** From the DC's answer, else as given. */
  objectGuid: string | null;
  dn: string | null;
  samAccountName: string | null;
  /** The latest lastLogon among the DCs that answered; null when none recorded a logon. */
  lastLogon: string | null;
  /** The DC that holds that latest value. */
  lastLogonHost: string | null;
  /** The replicated (and up to ~19 days late) lastLogonTimestamp: the latest any DC returned. */
  lastLogonTimestamp: string | null;
  perDc: DcLastLogon[];
  /** DCs that returned the account; the value is exact only when all of them did. */
  dcsAnswered: number;
}

export interface DcOutcome {
  host: string;
  port: number;
  /** Whether the DC accepted the bind and could be searched. */
  answered: boolean;
  error?: string;
  errorCode?: string;
}

export interface LastLogonReport {
  accounts: AccountLastLogon[];
  domainControllers: DcOutcome[];
  dcsAsked: number;
  dcsAnswered: number;
  /** `given`: the caller's list; `dns`: the domain's SRV records; `target`: the target's own host. */
  dcSource: 'given' | 'dns' | 'target';
  /** Why DNS discovery gave nothing, when the target's own host was asked instead. */
  discoveryError?: string;
}

/** A DC with everything needed to reach it. */
export interface ResolvedDomainController {
  host: string;
  port: number;
  serverName?: string;
}

const ATTRIBUTES: readonly string[] = [
  'objectGUID',
  'distinguishedName',
  'sAMAccountName',
  'lastLogon',
  'lastLogonTimestamp',
];

/**
 * Failures that come from the request rather than from one DC: every DC
 * would refuse it the same way, so they end the read instead of filling
 * each DC's row with the same complaint.
 */
const FAILS_ON_EVERY_DC = new Set<DirectoryErrorCode>([
  'PLAIN_LDAP_REFUSED',
  'PLAIN_LDAP_NOT_CONFIRMED',
  'EMPTY_PASSWORD',
  'CANCELLED',
]);

/** After these the connection cannot serve the next account either. */
const ENDS_THE_CONNECTION = new Set<DirectoryErrorCode>(['CONNECTION_LOST', 'CONNECTION_CLOSED', 'TIMEOUT']);

/** "DC=corp,DC=example,DC=com" (or any DN below it) → "corp.example.com". */
function domainOfDn(dn: string): string | undefined {
  const labels = [...dn.matchAll(/(?:^|,)\s*DC=((?:[^,\\]|\\.)+)/gi)].map((match) => (match[1] ?? '').trim());
  return labels.length > 0 ? labels.join('.').toLowerCase() : undefined;
}

/**
 * The DNS domain a target belongs to, for DC discovery: its base DN's DC=
 * parts, else the suffix of a user@domain bind name, else those of a DN bind
 * name. A DOMAIN\user bind names only the NetBIOS domain, which DNS cannot use.
 */
export function domainOfTarget(target: Pick<ConnectionTarget, 'baseDn' | 'bindName'>): string | undefined {
  const fromBase = target.baseDn === undefined ? undefined : domainOfDn(target.baseDn);
  if (fromBase !== undefined) return fromBase;
  const at = target.bindName.lastIndexOf('@');
  if (at > 0 && at < target.bindName.length - 1) return target.bindName.slice(at + 1).toLowerCase();
  return domainOfDn(target.bindName);
}

function sameHost(a: string, b: string): boolean {
  return a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase();
}

/**
 * The target's certificate name and port belong to the target's host; another
 * DC is verified by its own name on the transport's usual port.
 */
function resolveAddress(target: ConnectionTarget, address: DomainControllerAddress): ResolvedDomainController {
  const own = sameHost(address.host, target.host);
  const port = address.port ?? (own ? target.port : undefined) ?? DEFAULT_PORTS[target.transport];
  const serverName = address.serverName ?? (own ? target.serverName : undefined);
  return { host: address.host.trim(), port, ...(serverName === undefined ? {} : { serverName }) };
}

function dedupe(dcs: ResolvedDomainController[]): ResolvedDomainController[] {
  const seen = new Set<string>();
  return dcs.filter((dc) => {
    const key = `${dc.host.toLowerCase()}:${dc.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which DCs to ask: the given ones, else those DNS advertises for the domain, else the target's own host. */
export async function resolveDomainControllers(
  options: Pick<ReadLastLogonOptions, 'target' | 'domainControllers' | 'domain' | 'dnsServers'>,
): Promise<{ dcs: ResolvedDomainController[]; source: LastLogonReport['dcSource']; discoveryError?: string }> {
  const { target } = options;
  if (options.domainControllers !== undefined && options.domainControllers.length > 0) {
    return { dcs: dedupe(options.domainControllers.map((dc) => resolveAddress(target, dc))), source: 'given' };
  }
  const own = { dcs: [resolveAddress(target, { host: target.host })], source: 'target' as const };
  const domain = options.domain?.trim() || domainOfTarget(target);
  if (domain === undefined) {
    return {
      ...own,
      discoveryError: `The domain of ${target.bindName} is not known (give the domain name to find its DCs in DNS).`,
    };
  }
  try {
    const found = await discoverDomainControllers(domain, options.dnsServers ? { servers: options.dnsServers } : {});
    if (found.length === 0) return own;
    // SRV records advertise the LDAP port; LDAPS listens on its own port on the same hosts.
    const dcs = found.map((dc) =>
      resolveAddress(target, { host: dc.host, ...(target.transport === 'ldaps' ? {} : { port: dc.port }) }),
    );
    return { dcs: dedupe(dcs), source: 'dns' };
  } catch (error) {
    if (isDirectoryError(error, 'DC_NOT_FOUND') || isDirectoryError(error, 'DNS_FAILED')) {
      return { ...own, discoveryError: error.message };
    }
    throw error;
  }
}

/**
 * The search for one account. objectGUID is matched on its raw bytes: a text
 * filter with escaped bytes would be parsed back by ldapts into characters and
 * sent as UTF-8, turning every byte from 0x80 up into two and matching nothing.
 * `text` is the same filter escaped for reading, for messages.
 */
export function accountSearch(
  account: LastLogonAccount,
  namingContext: string,
): { base: string; scope: 'base' | 'sub'; filter: Filter; text: string } {
  if ('objectGuid' in account) {
    const bytes = encodeGuid(account.objectGuid);
    return {
      base: namingContext,
      scope: 'sub',
      filter: new EqualityFilter({ attribute: 'objectGUID', value: bytes }),
      text: escapeFilter`(objectGUID=${bytes})`,
    };
  }
  return {
    base: account.dn,
    scope: 'base',
    filter: new PresenceFilter({ attribute: 'objectClass' }),
    text: '(objectClass=*)',
  };
}

interface AccountRead {
  objectGuid: string | null;
  dn: string;
  samAccountName: string | null;
  lastLogon: string | null;
  lastLogonTimestamp: string | null;
}

function named(account: LastLogonAccount): string {
  return 'objectGuid' in account ? `objectGUID ${account.objectGuid}` : account.dn;
}

function guidOf(entry: DirectoryEntry): string | null {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === 'objectguid');
  const value = key === undefined ? undefined : entry[key];
  const bytes = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(bytes) ? decodeGuid(bytes) : null;
}

function fileTimeOf(entry: DirectoryEntry, attribute: string): string | null {
  const text = firstString(entry, attribute);
  if (text === undefined) return null;
  try {
    return fileTimeToIso(text, attribute);
  } catch {
    // The decoder's own error does not say which object holds the bad value.
    throw new AttributeValueError(attribute, `of ${entry.dn} is "${text}", not a FILETIME number`, { dn: entry.dn });
  }
}

async function readAccount(
  connection: DirectoryConnection,
  account: LastLogonAccount,
  namingContext: string,
  signal: AbortSignal | undefined,
): Promise<AccountRead> {
  const search = accountSearch(account, namingContext);
  const context = errorContext(connection, 'search', { base: search.base });
  const host = connection.endpoint.host;
  const notHere = (cause?: unknown): DirectoryError =>
    new DirectoryError(
      'NO_SUCH_OBJECT',
      `${host} has no account with ${named(account)}: it was deleted or renamed, or has not replicated to this DC yet.`,
      { ...connection.endpoint, base: search.base, filter: search.text },
      cause === undefined ? undefined : { cause },
    );
  let entries: DirectoryEntry[];
  try {
    const result = await raceAbort(
      clientOf(connection).search(search.base, {
        scope: search.scope,
        filter: search.filter,
        attributes: [...ATTRIBUTES],
        explicitBufferAttributes: bufferAttributesFor(ATTRIBUTES),
      }),
      { ...(signal === undefined ? {} : { signal }), onAbort: () => cancelled(context) },
    );
    entries = result.searchEntries as DirectoryEntry[];
  } catch (error) {
    const mapped = toDirectoryError(error, context);
    if (isDirectoryError(mapped, 'NO_SUCH_OBJECT')) throw notHere(mapped);
    throw mapped;
  }
  const entry = entries[0];
  if (entry === undefined) throw notHere();
  return {
    objectGuid: guidOf(entry),
    dn: entry.dn,
    samAccountName: firstString(entry, 'sAMAccountName') ?? null,
    lastLogon: fileTimeOf(entry, 'lastLogon'),
    lastLogonTimestamp: fileTimeOf(entry, 'lastLogonTimestamp'),
  };
}

type Answer = { read: AccountRead } | { error: WardenError };

function asWardenError(
  error: unknown,
  dc: ResolvedDomainController,
  transport: ConnectionTarget['transport'],
): WardenError {
  if (error instanceof WardenError) return error;
  return toDirectoryError(error, { endpoint: { host: dc.host, port: dc.port, transport }, stage: 'search' });
}

/** The target with another host: its own certificate name and port stay behind unless they are this DC's. */
function targetFor(target: ConnectionTarget, dc: ResolvedDomainController): ConnectionTarget {
  const { serverName: _targetServerName, ...rest } = target;
  return {
    ...rest,
    host: dc.host,
    port: dc.port,
    ...(dc.serverName === undefined ? {} : { serverName: dc.serverName }),
  };
}

/** Binds to one DC and reads every account there; a failure of this DC becomes its answer, not an exception. */
async function askDc(
  dc: ResolvedDomainController,
  options: ReadLastLogonOptions,
): Promise<{ outcome: DcOutcome; answers: Answer[] }> {
  const { target, signal } = options;
  const signalOption = signal === undefined ? {} : { signal };
  const where = { host: dc.host, port: dc.port };
  const failedDc = (error: WardenError): { outcome: DcOutcome; answers: Answer[] } => ({
    outcome: { ...where, answered: false, error: error.message, errorCode: error.code },
    answers: options.accounts.map(() => ({ error })),
  });

  let connection: DirectoryConnection;
  try {
    connection = await connectToTarget(targetFor(target, dc), options.password, signalOption);
  } catch (error) {
    const mapped = asWardenError(error, dc, target.transport);
    if (mapped instanceof DirectoryError && FAILS_ON_EVERY_DC.has(mapped.code)) throw mapped;
    return failedDc(mapped);
  }
  try {
    let namingContext = '';
    if (options.accounts.some((account) => 'objectGuid' in account)) {
      try {
        namingContext = (await readRootDse(connection, signalOption)).defaultNamingContext;
      } catch (error) {
        const mapped = asWardenError(error, dc, target.transport);
        if (isDirectoryError(mapped, 'CANCELLED')) throw mapped;
        return failedDc(mapped);
      }
    }
    const answers: Answer[] = [];
    let lost: WardenError | undefined;
    for (const account of options.accounts) {
      if (lost !== undefined) {
        answers.push({ error: lost });
        continue;
      }
      try {
        answers.push({ read: await readAccount(connection, account, namingContext, signal) });
      } catch (error) {
        const mapped = asWardenError(error, dc, target.transport);
        if (isDirectoryError(mapped, 'CANCELLED')) throw mapped;
        if (mapped instanceof DirectoryError && ENDS_THE_CONNECTION.has(mapped.code)) lost = mapped;
        answers.push({ error: mapped });
      }
    }
    return { outcome: { ...where, answered: true }, answers };
  } finally {
    await close(connection);
  }
}

function summarize(
  account: LastLogonAccount,
  answers: readonly { dc: ResolvedDomainController; answer: Answer }[],
): AccountLastLogon {
  let lastLogon: string | null = null;
  let lastLogonHost: string | null = null;
  let lastLogonTimestamp: string | null = null;
  let found: AccountRead | undefined;
  const perDc: DcLastLogon[] = [];
  for (const { dc, answer } of answers) {
    if ('error' in answer) {
      perDc.push({
        host: dc.host,
        port: dc.port,
        lastLogon: null,
        error: answer.error.message,
        errorCode: answer.error.code,
      });
      continue;
    }
    const { read } = answer;
    found ??= read;
    if (read.lastLogon !== null && (lastLogon === null || read.lastLogon > lastLogon)) {
      lastLogon = read.lastLogon;
      lastLogonHost = dc.host;
    }
    if (
      read.lastLogonTimestamp !== null &&
      (lastLogonTimestamp === null || read.lastLogonTimestamp > lastLogonTimestamp)
    ) {
      lastLogonTimestamp = read.lastLogonTimestamp;
    }
    perDc.push({ host: dc.host, port: dc.port, lastLogon: read.lastLogon });
  }
  const byGuid = 'objectGuid' in account;
  return {
    objectGuid: found?.objectGuid ?? (byGuid ? account.objectGuid.trim().toLowerCase() : null),
    dn: found?.dn ?? (byGuid ? null : account.dn),
    samAccountName: found?.samAccountName ?? null,
    lastLogon,
    lastLogonHost,
    lastLogonTimestamp,
    perDc,
    dcsAnswered: perDc.filter((entry) => entry.error === undefined).length,
  };
}

/**
 * The exact last logon of each account: `lastLogon` is kept by every DC for
 * the logons it handled and never replicated, so each DC is asked in turn and
 * the latest value wins. A DC that cannot be reached or refuses the bind is
 * reported in the result with the reason; only a request no DC could accept
 * (plain LDAP unconfirmed, no password) or a cancellation throws.
 */
export async function readLastLogon(options: ReadLastLogonOptions): Promise<LastLogonReport> {
  for (const account of options.accounts) {
    // Checked before any bind: a mistyped GUID is the caller's error, not a DC's.
    if ('objectGuid' in account) encodeGuid(account.objectGuid);
  }
  if (options.accounts.length === 0) {
    // With nothing to read, no DC needs the password.
    return { accounts: [], domainControllers: [], dcsAsked: 0, dcsAnswered: 0, dcSource: 'given' };
  }
  const resolved = await resolveDomainControllers(options);
  const { dcs } = resolved;
  const outcomes: DcOutcome[] = [];
  const perAccount = options.accounts.map((): { dc: ResolvedDomainController; answer: Answer }[] => []);
  for (const [dcIndex, dc] of dcs.entries()) {
    if (options.signal?.aborted) {
      throw cancelled({
        endpoint: { host: dc.host, port: dc.port, transport: options.target.transport },
        stage: 'connect',
      });
    }
    options.onProgress?.({ host: dc.host, dcIndex, dcCount: dcs.length });
    const { outcome, answers } = await askDc(dc, options);
    outcomes.push(outcome);
    answers.forEach((answer, index) => perAccount[index]?.push({ dc, answer }));
  }
  return {
    accounts: options.accounts.map((account, index) => summarize(account, perAccount[index] ?? [])),
    domainControllers: outcomes,
    dcsAsked: dcs.length,
    dcsAnswered: outcomes.filter((outcome) => outcome.answered).length,
    dcSource: resolved.source,
    ...(resolved.discoveryError === undefined ? {} : { discoveryError: resolved.discoveryError }),
  };
}
