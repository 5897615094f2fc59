import { BIND_ACCOUNTS } from '../bind-accounts';
import {
  BUILTIN_GROUPS,
  CORP_OU,
  DISABLED_OU,
  GROUPS_OU,
  HELPDESK_OU,
  PEOPLE_OU,
  ADMIN_OU,
  BOTS_OU,
  IT_OU,
  SERVICE_OU,
  departmentOu,
} from './layout';
import type { GeneratorContext } from './context';
import { planGroups } from './groups';
import type { Account, Company } from './model';
import { makeAiAgents, makeBots, makeManagedServiceAccounts, makeServiceAccounts, type Owners } from './non-human';
import { makeNotableAccounts, makeNotablePeople } from './notable';
import { DEPARTMENTS } from './org';
import {
  makeAdminAccount,
  makeContractors,
  makePeopleWithoutAccounts,
  makeStaff,
  OrgChart,
  type Person,
} from './people';
import { Prng } from './prng';
import { NameRegistry } from './registry';

export interface SeedParameters {
  /** Account objects to create (users, gMSAs, sMSAs), besides the ones provision makes. */
  accounts: number;
  seed: number;
  /** Every date in the seed is relative to this, so the same date gives the same data. Defaults to now. */
  now?: Date;
}

export const DEFAULT_ACCOUNTS = 2_000;
export const DEFAULT_SEED = 20_240_917;
export const MIN_ACCOUNTS = 100;

/** Accounts of notable-people and notable-accounts, made at every size. */
const NOTABLE_ACCOUNT_COUNT = 21;

/** How the accounts left after the notable ones are shared out; people take the rest (about 70%). */
function composition(accounts: number) {
  const rest = accounts - NOTABLE_ACCOUNT_COUNT;
  const share = (fraction: number, min: number): number => Math.max(min, Math.round(rest * fraction));
  const parts = {
    services: share(0.14, 3),
    bots: share(0.035, 2),
    aiAgents: share(0.025, 2),
    gmsa: share(0.03, 1),
    smsa: share(0.01, 1),
    admins: share(0.015, 2),
    contractors: share(0.02, 2),
  };
  const others = Object.values(parts).reduce((sum, n) => sum + n, 0);
  return { ...parts, people: rest - others };
}

export function generateCompany(params: SeedParameters): Company {
  if (!Number.isInteger(params.accounts) || params.accounts < MIN_ACCOUNTS) {
    throw new Error(`accounts must be an integer of at least ${MIN_ACCOUNTS}, not ${params.accounts}`);
  }
  const ctx: GeneratorContext = {
    rng: new Prng(params.seed),
    now: params.now ?? new Date(),
    names: new NameRegistry(),
    accounts: [],
    hrRows: [],
  };
  const parts = composition(params.accounts);
  const chart = new OrgChart();

  const staff = makeStaff(ctx, chart, parts.people);
  const notablePeople = makeNotablePeople(ctx, chart);
  const people: Person[] = [...staff, notablePeople.leaver, notablePeople.commaInName];
  makePeopleWithoutAccounts(ctx, Math.max(3, Math.round(parts.people * 0.02)));

  const current = people.filter((p) => p.status !== 'Terminated');
  const technical = current.filter((p) => p.department === 'IT' || p.department === 'Engineering');
  const owners: Owners = {
    current: technical.length > 0 ? technical : current,
    leavers: people.filter((p) => p.status === 'Terminated'),
  };

  const contractors = makeContractors(ctx, current, parts.contractors);
  const expiredContractor = contractors[0];
  if (!expiredContractor) throw new Error('no contractor was made');
  const adminPool = technical.length >= parts.admins ? technical : current;
  const adminCandidates = ctx.rng.sample(
    adminPool.filter((p) => p !== notablePeople.commaInName),
    parts.admins,
  );
  const tier0Count = Math.max(1, Math.round(adminCandidates.length * 0.25));
  const admins = adminCandidates.map((person, index) => makeAdminAccount(ctx, person, index < tier0Count));
  const tier0Admins = admins.slice(0, tier0Count);

  const notable = makeNotableAccounts(ctx, notablePeople, owners);
  const gmsaOwner = notable.gmsa.managedByDn;
  if (!gmsaOwner) throw new Error('the notable gMSA has no managedBy');
  const services = makeServiceAccounts(ctx, owners, parts.services);
  const bots = [...makeBots(ctx, owners, parts.bots), ...makeAiAgents(ctx, owners, parts.aiAgents)];
  makeManagedServiceAccounts(ctx, parts.gmsa, parts.smsa);

  if (ctx.accounts.length !== params.accounts) {
    throw new Error(`the generator made ${ctx.accounts.length} accounts instead of ${params.accounts}`);
  }
  for (const [role, expected] of Object.entries(BIND_ACCOUNTS)) {
    const made = ctx.accounts.find((a) => a.dn === expected.dn);
    if (!made) throw new Error(`the ${role} bind account did not get its fixed name ${expected.dn}`);
  }

  const plan = planGroups(ctx, {
    people,
    admins: [notable.leaverAdminAccount, ...admins],
    tier0Admins,
    contractors,
    services: [...services, ...serviceLike(notable)],
    bots,
    notable,
  });

  const ous = [
    CORP_OU,
    PEOPLE_OU,
    ...DEPARTMENTS.map((d) => departmentOu(d.name)),
    ADMIN_OU,
    SERVICE_OU,
    BOTS_OU,
    GROUPS_OU,
    HELPDESK_OU,
    DISABLED_OU,
    IT_OU,
  ];

  return {
    ous,
    accounts: ctx.accounts,
    groups: plan.groups,
    builtinMemberships: plan.builtinMemberships,
    hrRows: ctx.hrRows,
    notable: {
      nestedAdminServiceAccount: notable.nestedAdminServiceAccount.dn,
      appAdminsGroup: plan.appAdmins.dn,
      tier0AdminsGroup: plan.tier0Admins.dn,
      domainAdminsGroup: BUILTIN_GROUPS.domainAdmins,
      bigGroup: plan.bigGroup.dn,
      gmsa: notable.gmsa.dn,
      gmsaOwner,
      smsa: notable.smsa.dn,
      unhintedAiAgent: notable.unhintedAiAgent.dn,
      leaver: notablePeople.leaver.account.dn,
      leaverAdminAccount: notable.leaverAdminAccount.dn,
      leaverOwnedServiceAccount: notable.leaverOwnedServiceAccount.dn,
      leaverOwnedBot: notable.leaverOwnedBot.dn,
      helpdeskAccount: notable.helpdeskAccount.dn,
      operatorAccount: notable.operatorAccount.dn,
      bindServiceAccount: notable.bindServiceAccount.dn,
      bindBot: notable.bindBot.dn,
      specialCharacterAccount: notable.specialCharacterAccount.dn,
      specialCharacterDecoy: notable.specialCharacterDecoy.dn,
      commaInNamePerson: notablePeople.commaInName.account.dn,
      backupOperatorMember: notable.backupOperatorMember.dn,
      accountOperatorMember: notable.accountOperatorMember.dn,
      serverOperatorMember: notable.serverOperatorMember.dn,
      asRepRoastable: notable.asRepRoastable.dn,
      unconstrainedDelegation: notable.unconstrainedDelegation.dn,
      staleAdminCount: notable.staleAdminCount.dn,
      expiredContractor: expiredContractor.dn,
    },
  };
}

function serviceLike(notable: ReturnType<typeof makeNotableAccounts>): Account[] {
  return Object.values(notable).filter((a) => a.kind === 'service');
}
