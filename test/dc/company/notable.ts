import { BIND_ACCOUNTS } from '../bind-accounts';
import { FRESH_ONLY, lastLogonFor, type GeneratorContext } from './context';
import { daysBefore } from './filetime';
import { BOTS_OU, IT_OU, SERVICE_OU } from './layout';
import type { Account } from './model';
import { DEPARTMENTS, type Department } from './org';
import { makeAdminAccount, makePerson, type OrgChart, type Person } from './people';
import { GMSA_READERS_SDDL, makeManagedServiceAccount, makeNonHuman, type Owners } from './non-human';
import { UAC } from './uac';

/** The special-character name tests search for: it breaks any filter built by concatenation. */
export const SPECIAL_CHARACTER_NAME = 'Build*)(Agent';

function department(name: string): Department {
  const found = DEPARTMENTS.find((d) => d.name === name);
  if (!found) throw new Error(`unknown department ${name}`);
  return found;
}

export interface NotablePeople {
  leaver: Person;
  commaInName: Person;
}

/** People every seed contains, whatever its size. */
export function makeNotablePeople(ctx: GeneratorContext, chart: OrgChart): NotablePeople {
  // Left 45 days ago according to HR; IT never disabled her account.
  const leaver = makePerson(ctx, chart, {
    firstName: 'Dana',
    lastName: 'Whitfield',
    department: department('Finance'),
    status: 'Terminated',
    terminatedDaysAgo: 45,
    passwordNeverExpires: false,
  });
  // Written "Last, First": the comma must be escaped in the DN.
  const commaInName = makePerson(ctx, chart, {
    firstName: 'Sean',
    lastName: "O'Brien",
    department: department('Engineering'),
    status: 'Active',
    cn: "O'Brien, Sean",
    passwordNeverExpires: false,
  });
  return { leaver, commaInName };
}

export interface NotableAccounts {
  nestedAdminServiceAccount: Account;
  leaverAdminAccount: Account;
  leaverOwnedServiceAccount: Account;
  leaverOwnedBot: Account;
  unhintedAiAgent: Account;
  specialCharacterAccount: Account;
  specialCharacterDecoy: Account;
  backupOperatorMember: Account;
  accountOperatorMember: Account;
  serverOperatorMember: Account;
  asRepRoastable: Account;
  unconstrainedDelegation: Account;
  staleAdminCount: Account;
  gmsa: Account;
  smsa: Account;
  helpdeskAccount: Account;
  operatorAccount: Account;
  bindServiceAccount: Account;
  bindBot: Account;
}

/** Non-human accounts with known risks, for tests to find by name. */
export function makeNotableAccounts(ctx: GeneratorContext, people: NotablePeople, owners: Owners): NotableAccounts {
  const { rng, names, now } = ctx;
  const owner = (): Person => rng.pick(owners.current);
  // No draw from the generator: the rest of the seed, and the demo exported from it, do not shift.
  const gmsaOwner = owners.current.find((person) => person.status === 'Active');
  if (!gmsaOwner) throw new Error('no active employee to own the gMSA');
  const fresh = (): Date | undefined => lastLogonFor(ctx, FRESH_ONLY);
  const service = (sam: string, extra: Partial<Parameters<typeof makeNonHuman>[1]> = {}): Account =>
    makeNonHuman(ctx, {
      kind: 'service',
      sam: names.sam(sam),
      parentDn: SERVICE_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      owner: owner(),
      lastLogon: fresh(),
      ...extra,
    });

  return {
    // Reaches Domain Admins through App-Admins → Tier0-Admins.
    nestedAdminServiceAccount: service('svc-sqlreport', {
      description: 'SQL Reporting Services data refresh',
      spns: [`HTTP/reports-legacy.corp.example.test`, `HTTP/reports-legacy`],
      adminCount: true,
    }),
    leaverAdminAccount: makeAdminAccount(ctx, people.leaver, true),
    leaverOwnedServiceAccount: service('svc-invoice-sync', {
      description: 'Invoice export to the finance data warehouse',
      owner: people.leaver,
    }),
    leaverOwnedBot: makeNonHuman(ctx, {
      kind: 'bot',
      sam: names.sam('bot-sharepoint-sync'),
      parentDn: BOTS_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      description: 'Copies finance reports to SharePoint every night',
      owner: people.leaver,
      lastLogon: fresh(),
    }),
    unhintedAiAgent: makeNonHuman(ctx, {
      kind: 'ai-agent',
      sam: names.sam('atlas'),
      parentDn: SERVICE_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      displayName: 'Atlas',
      description: 'GPT ticket triage agent for the service desk queue',
      owner: owner(),
      lastLogon: fresh(),
      unhinted: true,
    }),
    specialCharacterAccount: makeNonHuman(ctx, {
      kind: 'bot',
      sam: names.sam('build-agent-legacy'),
      cn: SPECIAL_CHARACTER_NAME,
      parentDn: BOTS_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      displayName: SPECIAL_CHARACTER_NAME,
      description: 'Legacy build agent; its odd name comes from the old build farm',
      owner: owner(),
      lastLogon: fresh(),
    }),
    // Matches `Build*`: a filter that let the `*` through would find it too.
    specialCharacterDecoy: makeNonHuman(ctx, {
      kind: 'bot',
      sam: names.sam('build-runner'),
      cn: 'Build Runner',
      parentDn: BOTS_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      displayName: 'Build Runner',
      description: 'Build runner for the main pipeline',
      owner: owner(),
      lastLogon: fresh(),
    }),
    backupOperatorMember: service('svc-backup01', { description: 'Veeam backup service (Backup Operators)' }),
    accountOperatorMember: service('svc-provisioning', { description: 'Creates accounts for the HR onboarding flow' }),
    serverOperatorMember: service('svc-monitoring', { description: 'Server monitoring agent' }),
    asRepRoastable: service('svc-legacy-erp', {
      description: 'Old ERP integration; Kerberos pre-authentication turned off for a Unix client',
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD | UAC.DONT_REQ_PREAUTH | UAC.PASSWD_NOTREQD,
      spns: ['HTTP/erp-legacy.corp.example.test', 'HTTP/erp-legacy'],
      lastLogon: daysBefore(now, 200),
    }),
    unconstrainedDelegation: service('svc-iis-intranet', {
      description: 'Intranet application pool (Kerberos delegation)',
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD | UAC.TRUSTED_FOR_DELEGATION,
      spns: ['HTTP/intranet.corp.example.test', 'HTTP/intranet'],
    }),
    // Was in Domain Admins once; AdminSDHolder's mark stays after removal.
    staleAdminCount: service('svc-old-migration', {
      description: 'Domain migration 2019 (no longer used)',
      adminCount: true,
      lastLogon: daysBefore(now, 380),
    }),
    gmsa: makeManagedServiceAccount(ctx, {
      kind: 'gmsa',
      sam: names.sam('gmsa-sqlprod$'),
      description: 'SQL Server production (group managed service account)',
      spns: ['MSSQLSvc/sqlprod.corp.example.test:1433', 'MSSQLSvc/sqlprod'],
      passwordReaders: GMSA_READERS_SDDL,
      owner: gmsaOwner,
    }),
    smsa: makeManagedServiceAccount(ctx, {
      kind: 'smsa',
      sam: names.sam('msa-web01$'),
      description: 'IIS on WEB01 (managed service account)',
    }),
    helpdeskAccount: makeNonHuman(ctx, {
      kind: 'helpdesk',
      sam: names.sam(BIND_ACCOUNTS.helpdesk.sAMAccountName),
      parentDn: IT_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      description: 'Service desk tier 1: manages accounts in Helpdesk-Managed',
      lastLogon: fresh(),
      password: BIND_ACCOUNTS.helpdesk.password,
    }),
    operatorAccount: makeNonHuman(ctx, {
      kind: 'operator',
      sam: names.sam(BIND_ACCOUNTS.operator.sAMAccountName),
      parentDn: IT_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      description: 'Runs the identity governance console',
      lastLogon: fresh(),
      password: BIND_ACCOUNTS.operator.password,
    }),
    bindServiceAccount: service(BIND_ACCOUNTS.serviceAccount.sAMAccountName, {
      description: 'Line-of-business application directory lookups',
      spns: ['HTTP/app01.corp.example.test', 'HTTP/app01'],
      encryptionTypes: 24,
      password: BIND_ACCOUNTS.serviceAccount.password,
    }),
    bindBot: makeNonHuman(ctx, {
      kind: 'bot',
      sam: names.sam(BIND_ACCOUNTS.bot.sAMAccountName),
      parentDn: BOTS_OU,
      uac: UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD,
      description: 'CI runner that publishes build artefacts',
      owner: owner(),
      lastLogon: fresh(),
      password: BIND_ACCOUNTS.bot.password,
    }),
  };
}
