import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { UAC_FLAGS, type UacFlag } from '../../../src/directory/uac-flags';
import type { PrivilegedMembership, PrivilegedTier } from '../../../src/inventory/privileged-groups';
import type { AccountAssessment } from '../../../src/risk/assess-accounts';
import { classifyType } from '../../../src/risk/classify-type';
import { compilePolicy, type CompiledPolicy } from '../../../src/risk/compiled-policy';
import type { AccountFacts } from '../../../src/risk/facts';
import { OwnerDirectory, resolveOwner } from '../../../src/risk/owner';
import { parsePolicy } from '../../../src/risk/policy';
import type { RiskPolicy, RiskPolicySchema } from '../../../src/risk/policy-schema';
import { usageOf } from '../../../src/risk/usage';
import { isNhiType } from '../../../src/risk/vocabulary';
import type { AssessmentAccount, AssessmentGroup } from '../../../src/store';

/** The snapshot's time every fixture is measured from. */
export const AS_OF = Date.parse('2025-06-30T12:00:00.000Z');

const DAY_MS = 86_400_000;

/** An ISO time `days` whole days before AS_OF (a little later in that day, so flooring gives exactly `days`). */
export function daysAgo(days: number): string {
  return new Date(AS_OF - days * DAY_MS - 3_600_000).toISOString();
}

/** An ISO time `days` days after AS_OF. */
export function daysAhead(days: number): string {
  return new Date(AS_OF + days * DAY_MS).toISOString();
}

export const NORMAL = UAC_FLAGS.NORMAL_ACCOUNT;

/** userAccountControl of a normal account with these flags set. */
export function uac(...flags: UacFlag[]): number {
  return flags.reduce<number>((value, flag) => value | UAC_FLAGS[flag], NORMAL);
}

export const DISABLED = uac('ACCOUNTDISABLE');

export const DOMAIN_SID = 'S-1-5-21-1111-2222-3333';

let counter = 0;

/**
 * A full account of a snapshot: by default a person's everyday account,
 * enabled, used five days ago, with nothing a rule would find.
 */
export function account(overrides: Partial<AssessmentAccount> = {}): AssessmentAccount {
  counter += 1;
  const sam = overrides.samAccountName ?? `jdoe${counter}`;
  const dn = overrides.dn ?? `CN=${sam},OU=Staff,DC=corp,DC=example`;
  return {
    objectGuid: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    sid: `${DOMAIN_SID}-${1000 + counter}`,
    samAccountName: sam,
    upn: `${sam}@corp.example`,
    displayName: 'Jane Doe',
    givenName: 'Jane',
    sn: 'Doe',
    mail: `${sam}@example.com`,
    employeeId: null,
    title: null,
    department: null,
    description: null,
    info: null,
    dn,
    ou: dn.slice(dn.indexOf(',') + 1),
    objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
    userAccountControl: NORMAL,
    whenCreated: daysAgo(400),
    lastLogonTimestamp: daysAgo(5),
    pwdLastSet: daysAgo(30),
    accountExpires: null,
    spns: [],
    primaryGroupId: 513,
    adminCount: null,
    supportedEncryptionTypes: null,
    allowedToDelegateTo: [],
    managerDn: null,
    managedBy: null,
    hrOutcome: null,
    ...overrides,
  };
}

/** A service account with no person behind it: no mail, no person name, a `svc-` name. */
export function serviceAccount(overrides: Partial<AssessmentAccount> = {}): AssessmentAccount {
  const sam = overrides.samAccountName ?? 'svc-backup';
  return account({
    samAccountName: sam,
    dn: `CN=${sam},OU=Service Accounts,DC=corp,DC=example`,
    displayName: null,
    givenName: null,
    sn: null,
    mail: null,
    upn: null,
    ...overrides,
  });
}

export function group(overrides: Partial<AssessmentGroup> & { name: string }): AssessmentGroup {
  counter += 1;
  const { name, ...rest } = overrides;
  return {
    guid: `11111111-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    dn: `CN=${name},OU=Groups,DC=corp,DC=example`,
    sid: `${DOMAIN_SID}-${5000 + counter}`,
    samAccountName: name,
    ...rest,
  };
}

export type PolicyInput = z.input<typeof RiskPolicySchema>;

/** The bundled policy file, as JSON. */
export const DEFAULT_POLICY_PATH = fileURLToPath(
  new URL('../../../resources/policy/default-policy.json', import.meta.url),
);

/** A fresh copy of the bundled policy's JSON, to edit before parsing. */
export function defaultPolicyJson(): PolicyInput {
  return JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as PolicyInput;
}

/** The bundled policy, parsed, after `edit` has changed its JSON. */
export function policy(edit?: (json: PolicyInput) => void): RiskPolicy {
  const json = defaultPolicyJson();
  edit?.(json);
  return parsePolicy(json, 'test');
}

export function compiled(edit?: (json: PolicyInput) => void): CompiledPolicy {
  return compilePolicy(policy(edit));
}

export function membership(
  tier: PrivilegedTier,
  pathNames: readonly string[],
  extra: Partial<PrivilegedMembership> = {},
): PrivilegedMembership {
  const pathDns = pathNames.map((name) => `CN=${name},CN=Users,DC=corp,DC=example`);
  const last = pathDns[pathDns.length - 1] ?? '';
  return {
    groupGuid: `guid-${pathNames[pathNames.length - 1] ?? ''}`,
    groupDn: last,
    tier,
    path: pathNames.map((name) => `guid-${name}`),
    pathDns,
    viaPrimaryGroup: false,
    ...extra,
  };
}

export interface FactsOptions extends Partial<Omit<AccountFacts, 'account'>> {
  /** Other accounts of the snapshot, for the owner look-up. */
  others?: readonly AssessmentAccount[];
  groups?: readonly AssessmentGroup[];
  hrReconciled?: boolean;
  /** The owner recorded in Warden. */
  recordedOwner?: string;
}

/** What the rules see of one account, worked out by the stage's own functions; any part may be overridden. */
export function facts(subject: AssessmentAccount, options: FactsOptions = {}): AccountFacts {
  const { others = [], groups = [], hrReconciled = false, recordedOwner, ...overrides } = options;
  const riskPolicy = overrides.policy ?? policy();
  const type = classifyType({ account: subject, hrReconciled }, compilePolicy(riskPolicy));
  return {
    account: subject,
    enabled: !isDisabled(subject),
    type,
    isNhi: isNhiType(type.type),
    owner: resolveOwner(subject, recordedOwner, new OwnerDirectory([subject, ...others], groups)),
    usage: usageOf(subject, AS_OF, riskPolicy.usage),
    privileged: [],
    groupCount: 0,
    sensitive: [],
    tags: [],
    asOf: AS_OF,
    policy: riskPolicy,
    ...overrides,
  };
}

function isDisabled(subject: AssessmentAccount): boolean {
  return ((subject.userAccountControl ?? 0) & UAC_FLAGS.ACCOUNTDISABLE) !== 0;
}

/** One assessed account, as assessAccounts returns it: a clean, low-risk person's account by default. */
export function assessment(overrides: Partial<AccountAssessment> = {}): AccountAssessment {
  counter += 1;
  const sam = overrides.samAccountName ?? `user${counter}`;
  return {
    objectGuid: `22222222-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    samAccountName: sam,
    dn: `CN=${sam},OU=Staff,DC=corp,DC=example`,
    displayName: null,
    ou: 'OU=Staff,DC=corp,DC=example',
    enabled: true,
    isNhi: false,
    type: 'human',
    typeDecidedBy: 'hr',
    typeSignals: [],
    owner: null,
    ownerDn: null,
    ownerSource: null,
    ownerStatus: 'missing',
    ownerReason: 'no owner is recorded',
    orphaned: false,
    usage: 'active',
    lastLogonDaysAgo: 5,
    usageApproximate: false,
    usageReason: 'last logon 5 day(s) ago',
    hr: 'matched',
    risk: 'low',
    score: 3,
    factors: { criticality: 1, sensitivity: 1, impact: 1 },
    reasons: [],
    groupCount: 0,
    privilegedPaths: [],
    tags: [],
    ...overrides,
  };
}
