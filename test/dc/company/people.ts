import { DNS_DOMAIN } from '../domain';
import { lastLogonFor, type GeneratorContext, type LogonProfile } from './context';
import { daysBefore, daysBeforeWithTime, isoDate } from './filetime';
import { ADMIN_OU, DISABLED_OU, HELPDESK_OU, departmentOu } from './layout';
import { escapeRdnValue } from './ldif';
import type { Account, HrStatus } from './model';
import { asciiFold, FIRST_NAMES, LAST_NAMES } from './names';
import { CONTRACTOR_VENDORS, DEPARTMENTS, type Department } from './org';
import { UAC } from './uac';

export interface Person {
  account: Account;
  firstName: string;
  lastName: string;
  displayName: string;
  department: string;
  title: string;
  status: HrStatus;
  mail: string;
  employeeId: string;
}

const PERSON_LOGONS: LogonProfile = { fresh: 0.85, stale: 0.04, dormant: 0.06, never: 0.05 };
const ADMIN_LOGONS: LogonProfile = { fresh: 0.75, stale: 0.1, dormant: 0.15, never: 0 };
const CONTRACTOR_LOGONS: LogonProfile = { fresh: 0.6, stale: 0.15, dormant: 0.15, never: 0.1 };

interface PersonOptions {
  firstName: string;
  lastName: string;
  department: Department;
  status: HrStatus;
  /** Days since termination, for leavers. */
  terminatedDaysAgo?: number;
  /** Leavers whose account was handled: disabled and moved to OU=Disabled. */
  disabled?: boolean;
  /** Overrides the CN, for names written "Last, First". */
  cn?: string;
  passwordNeverExpires?: boolean;
}

/** Windows refuses longer sAMAccountNames; Samba would not, so the seed keeps to it. */
const SAM_MAX = 20;

function nextEmployeeId(ctx: GeneratorContext): string {
  return `E${100001 + ctx.hrRows.length}`;
}

/** Line managers by department, in creation order: person k reports to person ⌊(k−1)/5⌋. */
export class OrgChart {
  private readonly byDepartment = new Map<string, Person[]>();

  managerFor(department: string): Person | undefined {
    const members = this.byDepartment.get(department) ?? [];
    if (members.length === 0) return undefined;
    return members[Math.floor((members.length - 1) / 5)];
  }

  add(person: Person): void {
    const members = this.byDepartment.get(person.department) ?? [];
    members.push(person);
    this.byDepartment.set(person.department, members);
  }
}

export function makePerson(ctx: GeneratorContext, chart: OrgChart, options: PersonOptions): Person {
  const { rng, names, now } = ctx;
  const { firstName, lastName, department, status } = options;
  const displayName = `${firstName} ${lastName}`;
  const folded = { first: asciiFold(firstName).toLowerCase(), last: asciiFold(lastName).toLowerCase() };
  const sam = names.sam(`${folded.first.slice(0, 1)}${folded.last}`.slice(0, SAM_MAX));
  const mail = names.mail(`${folded.first}.${folded.last}`, DNS_DOMAIN);
  const parent = options.disabled ? DISABLED_OU : departmentOu(department.name);
  const cn = names.cn(options.cn ?? displayName, parent);
  const title = rng.pick(department.titles);
  const manager = chart.managerFor(department.name);
  const employeeId = nextEmployeeId(ctx);

  let lastLogon: Date | undefined;
  let terminationDate = '';
  if (options.terminatedDaysAgo !== undefined) {
    // Leavers stop logging on around their last day.
    lastLogon = daysBeforeWithTime(now, options.terminatedDaysAgo + rng.int(0, 10), rng.next());
    terminationDate = isoDate(daysBefore(now, options.terminatedDaysAgo));
  } else if (status === 'On Leave') {
    lastLogon = daysBeforeWithTime(now, rng.int(30, 80), rng.next());
  } else {
    lastLogon = lastLogonFor(ctx, PERSON_LOGONS);
  }
  const hireDate = isoDate(daysBefore(now, lastLogon === undefined ? rng.int(0, 20) : rng.int(400, 5500)));

  let uac = UAC.NORMAL_ACCOUNT;
  if (options.disabled) uac |= UAC.ACCOUNTDISABLE;
  if (options.passwordNeverExpires ?? rng.chance(0.03)) uac |= UAC.DONT_EXPIRE_PASSWORD;
  // Some records in AD lack the employee ID, so matching must fall back to mail.
  const hasEmployeeId = rng.chance(0.98);

  const account: Account = {
    kind: 'person',
    dn: `CN=${escapeRdnValue(cn)},${parent}`,
    cn,
    sam,
    objectClass: 'user',
    uac,
    lastLogon,
    accountExpires: undefined,
    leaver: status === 'Terminated',
    attributes: [
      ['givenName', firstName],
      ['sn', lastName],
      ['displayName', displayName],
      ['mail', mail],
      ['userPrincipalName', `${sam}@${DNS_DOMAIN}`],
      ['employeeID', hasEmployeeId ? employeeId : undefined],
      ['department', department.name],
      ['title', title],
      ['company', 'Corp Example Ltd'],
      ['description', options.disabled ? `Disabled on leaving, ${terminationDate}` : undefined],
    ],
    ...(manager ? { managerDn: manager.account.dn } : {}),
  };
  const person: Person = {
    account,
    firstName,
    lastName,
    displayName,
    department: department.name,
    title,
    status,
    mail,
    employeeId,
  };
  ctx.accounts.push(account);
  chart.add(person);
  ctx.hrRows.push({
    employeeId,
    firstName,
    lastName,
    workEmail: mail,
    department: department.name,
    jobTitle: title,
    status,
    hireDate,
    terminationDate,
    managerEmail: manager?.mail ?? '',
  });
  return person;
}

function randomDepartment(ctx: GeneratorContext): Department {
  return ctx.rng.weighted(DEPARTMENTS.map((department) => [department, department.weight] as const));
}

/** The bulk of the staff: mostly active, with leavers, people on leave and a few dormant accounts. */
export function makeStaff(ctx: GeneratorContext, chart: OrgChart, count: number): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = ctx.rng.next();
    const base = {
      firstName: ctx.rng.pick(FIRST_NAMES),
      lastName: ctx.rng.pick(LAST_NAMES),
      department: randomDepartment(ctx),
    };
    if (roll < 0.03) {
      people.push(makePerson(ctx, chart, { ...base, status: 'Terminated', terminatedDaysAgo: ctx.rng.int(10, 200) }));
    } else if (roll < 0.06) {
      people.push(
        makePerson(ctx, chart, {
          ...base,
          status: 'Terminated',
          terminatedDaysAgo: ctx.rng.int(10, 400),
          disabled: true,
        }),
      );
    } else if (roll < 0.07) {
      people.push(makePerson(ctx, chart, { ...base, status: 'On Leave' }));
    } else {
      people.push(makePerson(ctx, chart, { ...base, status: 'Active' }));
    }
  }
  return people;
}

/** HR rows of people IT has not given an account yet (new starters) — and never will (a few field workers). */
export function makePeopleWithoutAccounts(ctx: GeneratorContext, count: number): void {
  for (let i = 0; i < count; i += 1) {
    const firstName = ctx.rng.pick(FIRST_NAMES);
    const lastName = ctx.rng.pick(LAST_NAMES);
    const department = randomDepartment(ctx);
    const newStarter = ctx.rng.chance(0.7);
    ctx.hrRows.push({
      employeeId: nextEmployeeId(ctx),
      firstName,
      lastName,
      workEmail: newStarter
        ? ctx.names.mail(`${asciiFold(firstName).toLowerCase()}.${asciiFold(lastName).toLowerCase()}`, DNS_DOMAIN)
        : '',
      department: department.name,
      jobTitle: ctx.rng.pick(department.titles),
      status: 'Active',
      hireDate: isoDate(
        newStarter ? daysBefore(ctx.now, -ctx.rng.int(1, 30)) : daysBefore(ctx.now, ctx.rng.int(200, 3000)),
      ),
      terminationDate: '',
      managerEmail: '',
    });
  }
}

/**
 * External staff in the helpdesk's OU: not in the HR file, with an end date
 * on the account — some already past while the account is still enabled.
 */
export function makeContractors(ctx: GeneratorContext, owners: readonly Person[], count: number): Account[] {
  const contractors: Account[] = [];
  for (let i = 0; i < count; i += 1) {
    const { rng, names, now } = ctx;
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const vendor = rng.pick(CONTRACTOR_VENDORS);
    const sam = names.sam(
      `ext-${asciiFold(firstName).toLowerCase().slice(0, 1)}${asciiFold(lastName).toLowerCase()}`.slice(0, SAM_MAX),
    );
    const cn = names.cn(`${firstName} ${lastName} (ext)`, HELPDESK_OU);
    const roll = rng.next();
    // The first one is always expired, so every size of domain has one to find.
    const accountExpires =
      i === 0 || roll < 0.3
        ? daysBefore(now, rng.int(5, 90))
        : roll < 0.9
          ? daysBefore(now, -rng.int(10, 300))
          : undefined;
    const owner = rng.pick(owners);
    const account: Account = {
      kind: 'contractor',
      dn: `CN=${escapeRdnValue(cn)},${HELPDESK_OU}`,
      cn,
      sam,
      objectClass: 'user',
      uac: UAC.NORMAL_ACCOUNT,
      lastLogon: lastLogonFor(ctx, CONTRACTOR_LOGONS),
      accountExpires,
      managerDn: owner.account.dn,
      attributes: [
        ['givenName', firstName],
        ['sn', lastName],
        ['displayName', `${firstName} ${lastName}`],
        ['userPrincipalName', `${sam}@${DNS_DOMAIN}`],
        ['description', `Contractor — ${vendor}`],
        ['company', vendor],
      ],
    };
    ctx.accounts.push(account);
    contractors.push(account);
  }
  return contractors;
}

/** Second accounts (`adm-<name>`) for administrators, without mail, sometimes with the employee ID copied. */
export function makeAdminAccount(ctx: GeneratorContext, person: Person, adminCount: boolean): Account {
  const { rng, names } = ctx;
  const sam = names.sam(`adm-${person.account.sam}`);
  const cn = names.cn(`${person.displayName} (admin)`, ADMIN_OU);
  const account: Account = {
    kind: 'admin',
    dn: `CN=${escapeRdnValue(cn)},${ADMIN_OU}`,
    cn,
    sam,
    objectClass: 'user',
    uac: UAC.NORMAL_ACCOUNT | (rng.chance(0.3) ? UAC.DONT_EXPIRE_PASSWORD : 0),
    lastLogon: lastLogonFor(ctx, ADMIN_LOGONS),
    accountExpires: undefined,
    leaver: person.status === 'Terminated',
    adminCount,
    attributes: [
      ['givenName', person.firstName],
      ['sn', person.lastName],
      ['displayName', `${person.displayName} (admin)`],
      ['userPrincipalName', `${sam}@${DNS_DOMAIN}`],
      ['employeeID', rng.chance(0.5) ? person.employeeId : undefined],
      ['description', `Administrative account of ${person.displayName}`],
    ],
  };
  ctx.accounts.push(account);
  return account;
}
