import type { HrRecordInput } from '../../src/hr/fields';
import type { AccountForMatching } from '../../src/hr/match-input';

/**
 * A company for the reconciliation benchmark: twice as many people on the HR
 * list as accounts in the directory (the target is 200k rows against 100k
 * accounts), with every kind of account matching has to tell apart:
 * - 60% people's accounts, most with their employee ID, some with only mail,
 *   a few with only the user name (2% of them disabled leavers, 2% enabled leavers);
 * - 3% admin accounts `adm-<user>` without any identifier;
 * - 7% accounts with a person's name but no identifier (contractors, test
 *   accounts, typos): only the fuzzy rule can say anything about them;
 * - 30% service accounts, bots and the like.
 * Names come from 600 given names and 4,000 family names, so blocks hold
 * realistic numbers of namesakes. Deterministic: the same size gives the same data.
 */
const SYLLABLES = [
  'an',
  'ber',
  'co',
  'da',
  'el',
  'fi',
  'gor',
  'ha',
  'in',
  'jo',
  'ka',
  'lu',
  'mar',
  'ne',
  'o',
  'pe',
  'ri',
  'sa',
  'tu',
  'vi',
  'wen',
  'ya',
  'zo',
];

function word(seed: number, parts: number): string {
  let text = '';
  let n = seed;
  for (let i = 0; i < parts; i += 1) {
    text += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length) + i * 7 + 3;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const GIVEN = Array.from({ length: 600 }, (_, i) => word(i * 31 + 5, 2 + (i % 2)));
const FAMILY = Array.from({ length: 4_000 }, (_, i) => word(i * 17 + 11, 3));

/** A small deterministic generator (mulberry32): benchmarks compare runs, so the data must not change. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReconcileData {
  people: HrRecordInput[];
  accounts: AccountForMatching[];
}

function guid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export function reconcileData(accountCount: number): ReconcileData {
  const next = random(20_250_615);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const people: HrRecordInput[] = [];
  for (let i = 0; i < accountCount * 2; i += 1) {
    const firstName = pick(GIVEN);
    const lastName = pick(FAMILY);
    const roll = next();
    people.push({
      rowNumber: i + 2,
      employeeId: `E${(100_000 + i).toString()}`,
      email: `${firstName}.${lastName}.${i}@corp.example.com`.toLowerCase(),
      firstName,
      lastName,
      displayName: null,
      username: `u${i}`,
      status: roll < 0.04 ? 'terminated' : roll < 0.06 ? 'leave' : 'active',
      rawStatus: roll < 0.04 ? 'Terminated' : roll < 0.06 ? 'On Leave' : 'Active',
      endDate: roll < 0.04 ? '2025-01-31' : null,
      department: 'Operations',
      managerEmail: null,
    });
  }
  const accounts: AccountForMatching[] = [];
  const base = (index: number, sam: string): AccountForMatching => ({
    objectGuid: guid(index),
    samAccountName: sam,
    upn: null,
    mail: null,
    proxyAddresses: [],
    employeeId: null,
    employeeNumber: null,
    givenName: null,
    sn: null,
    displayName: null,
    dn: `CN=${sam},OU=Accounts,DC=corp,DC=example,DC=com`,
    managerDn: null,
    userAccountControl: 512,
  });
  const personal = Math.round(accountCount * 0.6);
  const admins = Math.round(accountCount * 0.03);
  const named = Math.round(accountCount * 0.07);
  for (let i = 0; i < accountCount; i += 1) {
    if (i < personal) {
      const person = people[i] as HrRecordInput;
      const roll = next();
      accounts.push({
        ...base(i, `u${i}`),
        employeeId: roll < 0.9 ? person.employeeId : null,
        mail: roll < 0.97 ? person.email : null,
        proxyAddresses:
          person.email === null ? [] : [`SMTP:${person.email}`, `smtp:${person.email.replace('@', '.alias@')}`],
        givenName: person.firstName,
        sn: person.lastName,
        displayName: `${person.firstName} ${person.lastName}`,
        userAccountControl: person.status === 'terminated' && next() < 0.5 ? 514 : 512,
      });
    } else if (i < personal + admins) {
      accounts.push(base(i, `adm-u${i - personal}`));
    } else if (i < personal + admins + named) {
      const person = pick(people);
      const typo = next() < 0.3;
      accounts.push({
        ...base(i, `ext-${i}`),
        displayName: `${person.lastName}, ${typo ? (person.firstName ?? '').slice(0, -1) : person.firstName}`,
      });
    } else {
      accounts.push({ ...base(i, `svc-app${i}`), displayName: `Application service ${i}` });
    }
  }
  return { people, accounts };
}
