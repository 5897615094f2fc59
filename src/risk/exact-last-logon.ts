import { profileTarget } from '../api/profile-target';
import type { ConnectionProfile, ConnectionTarget } from '../api/schemas';
import {
  readLastLogon,
  type DcLastLogon,
  type DcOutcome,
  type DomainControllerAddress,
  type LastLogonProgress,
  type LastLogonReport,
} from '../directory';
import type { AssessmentAccount, Store } from '../store';
import { resolveAccountReferences } from './account-references';
import { completeSnapshot } from './assess';
import { daysBefore } from './days';
import { currentPolicy, type PolicyInForce } from './policy';
import type { RiskPolicy } from './policy-schema';
import { RiskError } from './risk-errors';
import { usageOf, type UsageVerdict } from './usage';

/** How to reach the domain: a saved profile, or a target given for this run (which wins when both are). */
export type ExactLastLogonSource =
  { profile: ConnectionProfile; target?: ConnectionTarget } | { profile?: undefined; target: ConnectionTarget };

export type ExactLastLogonOptions = ExactLastLogonSource & {
  store: Store;
  password: string;
  /** sAMAccountName, objectGUID or DN of each account, as the snapshot knows them. */
  accounts: readonly string[];
  /** The bundled resources (the default policy). */
  resourcesDir: string;
  /** A policy for this run, instead of the one in force. */
  policy?: PolicyInForce;
  /** The snapshot that names the accounts; the latest complete one by default. */
  snapshotId?: string;
  domainControllers?: readonly DomainControllerAddress[];
  /** The DNS domain whose DCs to ask; default: the profile's domain, else what the target's names tell. */
  domain?: string;
  dnsServers?: string[];
  signal?: AbortSignal;
  onProgress?: (progress: LastLogonProgress) => void;
  /** The moment the verdicts are for; now by default. */
  now?: number;
};

export interface ExactLastLogonAccount {
  /** As the caller named the account. */
  reference: string;
  objectGuid: string;
  samAccountName: string;
  dn: string;
  /** The latest lastLogon of any DC that answered. */
  lastLogon: string | null;
  lastLogonHost: string | null;
  /** lastLogonTimestamp as the DCs hold it now. */
  lastLogonTimestamp: string | null;
  /** The latest of lastLogon and lastLogonTimestamp: the last logon the domain knows of. */
  lastLogonKnown: string | null;
  daysAgo: number | null;
  /** Every DC answered for this account, so no later logon can hide on one that did not. */
  exact: boolean;
  perDc: DcLastLogon[];
  /** The verdict the snapshot gives, from its lastLogonTimestamp, as of the snapshot. */
  snapshotVerdict: UsageVerdict;
  /** The verdict from lastLogonKnown, as of `asOf`. */
  verdict: UsageVerdict;
  /** The usage differs from the snapshot's (e.g. "dormant (approximate)" turned out active). */
  verdictChanged: boolean;
}

export interface ExactLastLogonReport {
  snapshotId: string;
  /** The time the snapshot's verdicts are measured from. */
  snapshotAsOf: string;
  asOf: string;
  policyHash: string;
  dcsAsked: number;
  dcsAnswered: number;
  dcSource: LastLogonReport['dcSource'];
  discoveryError?: string;
  domainControllers: DcOutcome[];
  accounts: ExactLastLogonAccount[];
}

function targetOf(source: ExactLastLogonSource): ConnectionTarget {
  return source.profile === undefined ? source.target : (source.target ?? profileTarget(source.profile));
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

export interface LastLogonRead {
  lastLogon: string | null;
  lastLogonTimestamp: string | null;
  /** Whether every DC answered for the account. */
  exact: boolean;
}

/**
 * The usage verdict with the last logon the DCs report. lastLogonTimestamp
 * counts too: it outlives the lastLogon of a DC since demoted, and a logon it
 * records did happen. Once every DC answered nothing can lag any more, so no
 * verdict is approximate; otherwise the usual lag still applies.
 */
export function exactUsage(
  account: AssessmentAccount,
  read: LastLogonRead,
  asOf: number,
  usage: RiskPolicy['usage'],
): { lastLogonKnown: string | null; daysAgo: number | null; verdict: UsageVerdict } {
  const lastLogonKnown = later(later(read.lastLogon, read.lastLogonTimestamp), account.lastLogonTimestamp);
  // A negative lag leaves no band around the dormancy line in which usageOf calls a verdict approximate.
  const policy = read.exact ? { ...usage, lastLogonLagDays: -1 } : usage;
  const verdict = usageOf({ ...account, lastLogonTimestamp: lastLogonKnown }, asOf, policy);
  return { lastLogonKnown, daysAgo: daysBefore(lastLogonKnown, asOf) ?? null, verdict };
}

/**
 * The exact last logon of accounts named as the snapshot knows them: every
 * DC's lastLogon, and the usage verdict recomputed with it, beside the
 * snapshot's own (possibly approximate) verdict.
 */
export async function exactLastLogon(options: ExactLastLogonOptions): Promise<ExactLastLogonReport> {
  const { store } = options;
  const snapshot = await completeSnapshot(store, options.snapshotId);
  const { found, missing } = resolveAccountReferences(await store.assessment.accounts(snapshot.id), options.accounts);
  if (missing.length > 0) {
    throw new RiskError(
      'ACCOUNT_NOT_FOUND',
      `No account of snapshot ${snapshot.id} has the objectGUID, DN or sAMAccountName ${missing.map((name) => `"${name}"`).join(', ')}.`,
      { accounts: missing, snapshotId: snapshot.id },
    );
  }
  const policy = options.policy ?? (await currentPolicy(store, options.resourcesDir));
  const domain = options.domain ?? (options.profile?.domain.trim() || undefined);
  const report = await readLastLogon({
    target: targetOf(options),
    password: options.password,
    accounts: found.map(({ account }) => ({ objectGuid: account.objectGuid })),
    ...(options.domainControllers === undefined ? {} : { domainControllers: options.domainControllers }),
    ...(domain === undefined ? {} : { domain }),
    ...(options.dnsServers === undefined ? {} : { dnsServers: options.dnsServers }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });

  const snapshotAsOfIso = snapshot.finishedAt ?? snapshot.startedAt;
  const snapshotAsOf = Date.parse(snapshotAsOfIso);
  const asOf = options.now ?? Date.now();
  const accounts = found.map(({ reference, account }, index): ExactLastLogonAccount => {
    const read = report.accounts[index];
    const exact = read !== undefined && report.dcsAsked > 0 && read.dcsAnswered === report.dcsAsked;
    const snapshotVerdict = usageOf(account, snapshotAsOf, policy.policy.usage);
    const { lastLogonKnown, daysAgo, verdict } = exactUsage(
      account,
      { lastLogon: read?.lastLogon ?? null, lastLogonTimestamp: read?.lastLogonTimestamp ?? null, exact },
      asOf,
      policy.policy.usage,
    );
    return {
      reference,
      objectGuid: account.objectGuid,
      samAccountName: account.samAccountName,
      dn: read?.dn ?? account.dn,
      lastLogon: read?.lastLogon ?? null,
      lastLogonHost: read?.lastLogonHost ?? null,
      lastLogonTimestamp: read?.lastLogonTimestamp ?? null,
      lastLogonKnown,
      daysAgo,
      exact,
      perDc: read?.perDc ?? [],
      snapshotVerdict,
      verdict,
      verdictChanged: verdict.usage !== snapshotVerdict.usage,
    };
  });
  return {
    snapshotId: snapshot.id,
    snapshotAsOf: snapshotAsOfIso,
    asOf: new Date(asOf).toISOString(),
    policyHash: policy.hash,
    dcsAsked: report.dcsAsked,
    dcsAnswered: report.dcsAnswered,
    dcSource: report.dcSource,
    ...(report.discoveryError === undefined ? {} : { discoveryError: report.discoveryError }),
    domainControllers: report.domainControllers,
    accounts,
  };
}
