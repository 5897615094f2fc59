import type { GeneratorContext } from './context';
import { BUILTIN_GROUPS, GROUPS_OU } from './layout';
import { escapeRdnValue } from './ldif';
import type { Account, BuiltinMembership, Group, GroupScope } from './model';
import type { NotableAccounts } from './notable';
import { APPLICATIONS, DEPARTMENTS } from './org';
import type { Person } from './people';
import { UAC, hasFlag } from './uac';

/** Large enough to need ranged retrieval (AD returns 1,500 values per range), small enough to seed quickly at 100k accounts. */
export const BIG_GROUP_CAP = 5_000;
export const BIG_GROUP_NAME = 'SG-M365-Sync';

function group(cn: string, description: string, members: readonly string[], scope: GroupScope = 'global'): Group {
  return { dn: `CN=${escapeRdnValue(cn)},${GROUPS_OU}`, cn, description, scope, members: [...new Set(members)] };
}

function enabled(account: Account): boolean {
  return !hasFlag(account.uac, UAC.ACCOUNTDISABLE);
}

export interface GroupInputs {
  people: readonly Person[];
  admins: readonly Account[];
  tier0Admins: readonly Account[];
  contractors: readonly Account[];
  services: readonly Account[];
  bots: readonly Account[];
  notable: NotableAccounts;
}

export interface GroupPlan {
  /** In creation order: a group comes after the groups it contains. */
  groups: Group[];
  builtinMemberships: BuiltinMembership[];
  bigGroup: Group;
  appAdmins: Group;
  tier0Admins: Group;
}

export function planGroups(ctx: GeneratorContext, inputs: GroupInputs): GroupPlan {
  const { rng } = ctx;
  const { people, notable } = inputs;
  const activePeople = people.filter((p) => enabled(p.account));
  const groups: Group[] = [];

  for (const department of DEPARTMENTS) {
    const members = activePeople.filter((p) => p.department === department.name).map((p) => p.account.dn);
    groups.push(group(`GG-${department.name}`, `Everyone in ${department.name}`, members));
  }

  const syncCandidates = [
    ...activePeople.map((p) => p.account),
    ...inputs.contractors,
    ...inputs.services.filter(enabled),
    ...inputs.bots.filter(enabled),
  ].map((a) => a.dn);
  const bigGroup = group(
    BIG_GROUP_NAME,
    'Accounts synchronised to Microsoft 365',
    syncCandidates.slice(0, BIG_GROUP_CAP),
    'universal',
  );
  groups.push(bigGroup);
  groups.push(
    group(
      'VPN-Users',
      'Remote access',
      rng.sample(activePeople, Math.ceil(activePeople.length * 0.3)).map((p) => p.account.dn),
    ),
  );

  const appGroupCount = Math.min(APPLICATIONS.length, Math.max(5, Math.round(people.length / 100)));
  for (const app of APPLICATIONS.slice(0, appGroupCount)) {
    const users = rng.sample(activePeople, rng.int(5, 60)).map((p) => p.account.dn);
    const appServices = inputs.services.filter((s) => s.sam.includes(app.key)).map((s) => s.dn);
    groups.push(group(`APP-${app.key}-Users`, `Users of ${app.label}`, [...users, ...appServices], 'domainLocal'));
  }

  const otherAdmins = inputs.admins.filter((a) => !inputs.tier0Admins.includes(a));
  const appAdmins = group('App-Admins', 'Administrators of line-of-business applications', [
    notable.nestedAdminServiceAccount.dn,
    ...rng.sample(otherAdmins, 2).map((a) => a.dn),
  ]);
  groups.push(appAdmins);
  const tier0Admins = group('Tier0-Admins', 'Tier 0 administration (domain controllers, identity)', [
    appAdmins.dn,
    notable.leaverAdminAccount.dn,
    ...inputs.tier0Admins.map((a) => a.dn),
  ]);
  groups.push(tier0Admins);
  groups.push(
    group(
      'Server-Admins',
      'Local administrators of member servers',
      otherAdmins.map((a) => a.dn),
    ),
  );
  groups.push(group('Helpdesk-Operators', 'Service desk staff', [notable.helpdeskAccount.dn]));
  groups.push(
    group('AI-Agents-ReadOnly', 'Read access for bots and agents', [
      notable.unhintedAiAgent.dn,
      ...inputs.bots.filter((b) => b.kind === 'ai-agent').map((b) => b.dn),
    ]),
  );

  const builtinMemberships: BuiltinMembership[] = [
    { groupDn: BUILTIN_GROUPS.domainAdmins, members: [tier0Admins.dn] },
    { groupDn: BUILTIN_GROUPS.backupOperators, members: [notable.backupOperatorMember.dn] },
    { groupDn: BUILTIN_GROUPS.accountOperators, members: [notable.accountOperatorMember.dn] },
    { groupDn: BUILTIN_GROUPS.serverOperators, members: [notable.serverOperatorMember.dn] },
  ];
  return { groups, builtinMemberships, bigGroup, appAdmins, tier0Admins };
}
