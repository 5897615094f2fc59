import type { DomainControllerAddress } from '../../directory';
import {
  exactLastLogon,
  type ExactLastLogonAccount,
  type ExactLastLogonReport,
  type ExactLastLogonSource,
} from '../../risk/exact-last-logon';
import type { UsageVerdict } from '../../risk/usage';
import type { Store } from '../../store';
import { EXIT, UsageError, writeJson, writeLine, type CliIo } from '../cli-io';
import { stringOption, type Command, type OptionValues } from '../command';
import { connectionHelp, connectionOptions, parseConnectionFlags } from '../connection-flags';
import { profileConnection, profileHelp, profileName, profileOption } from '../profile-flag';
import { progressLine } from '../progress-line';
import { RESOURCES_DIR } from '../resources-dir';
import { readSecret } from '../secrets';
import { openStoreFromFlags, storeHelp, storeOptions } from '../store-flags';
import { assessmentHelp, assessmentOptions, policyFromFlags } from './policy-flag';

/** "dc2.corp.example.com", "dc2:636", "10.0.0.5", "[fd00::5]:636". */
function parseDc(text: string): DomainControllerAddress {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  const plain = /^([^:[\]\s]+)(?::(\d+))?$/.exec(value);
  // A bare IPv6 address has several colons and no port.
  const match = bracketed ?? plain ?? (/^[0-9a-f:]+$/i.test(value) && value.includes('::') ? [value, value] : null);
  const host = match?.[1];
  if (host === undefined || host === '') {
    throw new UsageError(`--dc "${text}" is not HOST or HOST:PORT (an IPv6 address with a port goes in brackets)`);
  }
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
    throw new UsageError(`--dc "${text}": the port must be between 1 and 65535`);
  }
  return { host, ...(port === undefined ? {} : { port }) };
}

function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.map(String) : [];
}

type Connection = (store: Store) => Promise<ExactLastLogonSource & { password: string }>;

/**
 * A saved profile needs the store; connection flags are checked, and the
 * password asked for, before the store's passphrase, as `warden scan` does.
 */
async function chooseConnection(values: OptionValues, io: CliIo): Promise<Connection> {
  const name = profileName(values);
  if (name !== undefined) return (store) => profileConnection(store, name, values, io);
  const target = parseConnectionFlags(values);
  const password = await readSecret(io, 'WARDEN_BIND_PASSWORD', `Password for ${target.bindName}`);
  return () => Promise.resolve({ target, password });
}

function verdictText(verdict: UsageVerdict): string {
  return `${verdict.usage}${verdict.approximate ? ' (approximate)' : ''}: ${verdict.reason}`;
}

function printAccount(io: CliIo, account: ExactLastLogonAccount, report: ExactLastLogonReport): void {
  const out = (text: string): void => writeLine(io.stdout, text);
  const silent = new Set(report.domainControllers.filter((dc) => !dc.answered).map((dc) => `${dc.host}:${dc.port}`));
  out(`${account.samAccountName}  ${account.dn}`);
  const width = Math.max(20, ...account.perDc.map((dc) => `${dc.host}:${dc.port}`.length + 2));
  for (const dc of account.perDc) {
    const where = `${dc.host}:${dc.port}`;
    // A DC that failed as a whole was explained once, above the accounts.
    const value = silent.has(where)
      ? 'no answer'
      : dc.error === undefined
        ? (dc.lastLogon ?? 'never')
        : `no answer: ${dc.error}`;
    out(`  ${where.padEnd(width)}${value}`);
  }
  const answered = account.perDc.filter((dc) => dc.error === undefined).length;
  out(
    `  ${'lastLogonTimestamp'.padEnd(width)}${answered === 0 ? 'not read' : (account.lastLogonTimestamp ?? 'never')}`,
  );
  const how = account.exact ? 'exact' : `not exact: ${answered} of ${report.dcsAsked} DCs answered`;
  const when =
    account.lastLogonKnown === null ? 'never' : `${account.lastLogonKnown} (${account.daysAgo ?? '?'} days ago)`;
  out(`  ${'last logon'.padEnd(width)}${when}${answered === 0 ? ' as the snapshot has it' : ''}, ${how}`);
  out(`  ${'snapshot verdict'.padEnd(width)}${verdictText(account.snapshotVerdict)}`);
  out(`  ${'verdict now'.padEnd(width)}${verdictText(account.verdict)}${account.verdictChanged ? '  [changed]' : ''}`);
}

function print(io: CliIo, report: ExactLastLogonReport): void {
  const source = { given: 'as given', dns: 'advertised in DNS', target: 'the connection’s own DC' }[report.dcSource];
  writeLine(
    io.stdout,
    `${report.dcsAnswered} of ${report.dcsAsked} domain controllers answered (${source}); snapshot ${report.snapshotId} of ${report.snapshotAsOf}`,
  );
  if (report.discoveryError !== undefined) writeLine(io.stdout, `  DNS discovery: ${report.discoveryError}`);
  for (const dc of report.domainControllers) {
    if (!dc.answered) writeLine(io.stdout, `  ${dc.host}:${dc.port}: ${dc.error ?? 'no answer'}`);
  }
  for (const account of report.accounts) {
    writeLine(io.stdout);
    printAccount(io, account, report);
  }
}

export const lastLogonCommand: Command = {
  words: ['lastlogon'],
  summary: 'Ask every domain controller for the exact last logon of accounts, and redo their usage verdict',
  synopsis:
    'ACCOUNT... (--url ldaps://HOST[:PORT] --bind USER [--ca FILE.pem] [--server-name NAME] [--starttls] | --profile NAME) --db FILE [--dc HOST[:PORT]]... [--domain NAME] [--dns-server IP[:PORT]]... [--snapshot ID] [--policy FILE] [--json]',
  help: [
    'ACCOUNT                     sAMAccountName, objectGUID or DN of an account in the snapshot',
    ...connectionHelp,
    profileHelp,
    '--dc HOST[:PORT]            a domain controller to ask (repeatable), reached like --url with its own host;',
    '                            default: the DCs the domain advertises in DNS, else the --url host alone',
    '--domain NAME               the domain whose DCs DNS lists (default: the profile’s domain, else the base DN',
    '                            or the bind name’s suffix)',
    '--dns-server IP[:PORT]      ask this DNS server for the DCs (repeatable); default: the system resolvers',
    ...assessmentHelp,
    ...storeHelp,
    'lastLogon is kept by each DC and not replicated; lastLogonTimestamp is, but can be ~19 days late.',
    'The last logon is the latest of every DC’s lastLogon and lastLogonTimestamp; it is exact when every DC',
    'answered. A DC that cannot be reached or refuses the bind is listed with the reason.',
    'Exit code 1 when no DC answered.',
    'With --json: {"snapshotId", "snapshotAsOf", "asOf", "policyHash", "dcsAsked", "dcsAnswered", "dcSource",',
    '  "discoveryError"?, "domainControllers": [{"host", "port", "answered", "error"?, "errorCode"?}],',
    '  "accounts": [{"reference", "objectGuid", "samAccountName", "dn", "lastLogon", "lastLogonHost",',
    '  "lastLogonTimestamp", "lastLogonKnown", "daysAgo", "exact", "perDc": [{"host", "port", "lastLogon",',
    '  "error"?, "errorCode"?}], "snapshotVerdict", "verdict": {"usage", "lastLogonDaysAgo", "approximate",',
    '  "reason"}, "verdictChanged"}]}.',
  ],
  options: {
    ...connectionOptions,
    ...profileOption,
    ...storeOptions,
    ...assessmentOptions,
    dc: { type: 'string', multiple: true },
    domain: { type: 'string' },
    'dns-server': { type: 'string', multiple: true },
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) {
      throw new UsageError('name at least one account: its sAMAccountName, objectGUID or DN');
    }
    const domainControllers = listOption(values, 'dc').map(parseDc);
    const dnsServers = listOption(values, 'dns-server');
    const domain = stringOption(values, 'domain');
    const snapshotId = stringOption(values, 'snapshot');
    const policy = await policyFromFlags(values);
    const connection = await chooseConnection(values, io);
    const store = await openStoreFromFlags(values, io);
    const progress = progressLine(io);
    try {
      const source = await connection(store);
      const report = await exactLastLogon({
        store,
        ...source,
        accounts: positionals,
        resourcesDir: RESOURCES_DIR,
        ...(policy === undefined ? {} : { policy }),
        ...(snapshotId === undefined ? {} : { snapshotId }),
        ...(domainControllers.length === 0 ? {} : { domainControllers }),
        ...(domain === undefined ? {} : { domain }),
        ...(dnsServers.length === 0 ? {} : { dnsServers }),
        onProgress: ({ host, dcIndex, dcCount }) => progress.update(`asking ${host} (${dcIndex + 1} of ${dcCount})…`),
      });
      progress.done();
      if (values['json'] === true) writeJson(io.stdout, report);
      else print(io, report);
      return report.dcsAnswered === 0 ? EXIT.failure : EXIT.ok;
    } finally {
      progress.done();
      await store.close();
    }
  },
};
