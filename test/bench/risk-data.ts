import type { AssessmentData } from '../../src/risk';
import type { AssessmentAccount, AssessmentEdge, AssessmentGroup, AssessmentPath } from '../../src/store';

const DOMAIN_SID = 'S-1-5-21-1004336348-1177238915-682003330';
const BASE = 'DC=corp,DC=example,DC=com';
/** Ordinary groups; each account is in two or three of them, and one in ten is nested in another. */
const GROUPS = 600;
const KINDS = ['person', 'person', 'person', 'person', 'service', 'bot', 'agent', 'admin', 'person', 'gmsa'] as const;

function guid(prefix: string, index: number): string {
  return `${prefix}${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`.slice(0, 36);
}

function iso(daysAgo: number, asOf: number): string {
  return new Date(asOf - daysAgo * 86_400_000).toISOString();
}

/** Most accounts logged on this month, some in the last quarter, a tenth long ago: as in the seeded domain. */
function lastLogonDays(i: number): number {
  if (i % 10 < 8) return i % 30;
  return i % 10 === 8 ? 30 + (i % 60) : 90 + (i % 600);
}

/**
 * A domain of `count` accounts shaped like the seeded one at scale: people,
 * admin accounts, services with SPNs, bots, AI agents and gMSAs, with owners,
 * logons spread over two years, hygiene flags, nested groups and a few hundred
 * privileged paths, so every rule and every classification step has work.
 */
export function riskData(count: number, asOf: number): AssessmentData {
  const groups: AssessmentGroup[] = [
    {
      guid: guid('a', 0),
      dn: `CN=Domain Users,CN=Users,${BASE}`,
      sid: `${DOMAIN_SID}-513`,
      samAccountName: 'Domain Users',
    },
    {
      guid: guid('a', 1),
      dn: `CN=Domain Admins,CN=Users,${BASE}`,
      sid: `${DOMAIN_SID}-512`,
      samAccountName: 'Domain Admins',
    },
    {
      guid: guid('a', 2),
      dn: `CN=Backup Operators,CN=Builtin,${BASE}`,
      sid: 'S-1-5-32-551',
      samAccountName: 'Backup Operators',
    },
  ];
  for (let g = 0; g < GROUPS; g += 1) {
    const name = g % 50 === 0 ? `GG-Finance-${g}` : `APP-${g}-Users`;
    groups.push({
      guid: guid('b', g),
      dn: `CN=${name},OU=Groups,${BASE}`,
      sid: `${DOMAIN_SID}-${5000 + g}`,
      samAccountName: name,
    });
  }
  const edges: AssessmentEdge[] = [];
  for (let g = 10; g < GROUPS; g += 10) edges.push({ groupGuid: guid('b', g - 10), memberGuid: guid('b', g) });
  const accounts: AssessmentAccount[] = [];
  const paths: AssessmentPath[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'person';
    const objectGuid = guid('c', i);
    const person = kind === 'person' || kind === 'admin';
    const sam =
      kind === 'person'
        ? `user${i}`
        : kind === 'admin'
          ? `adm-user${i - 7}`
          : kind === 'service'
            ? `svc-app${i}`
            : kind === 'bot'
              ? `bot-job${i}`
              : kind === 'agent'
                ? `helper${i}`
                : `gmsa${i}$`;
    const dn = `CN=${sam},OU=${person ? 'People' : 'Service Accounts'},${BASE}`;
    accounts.push({
      objectGuid,
      sid: `${DOMAIN_SID}-${10_000 + i}`,
      samAccountName: sam,
      upn: `${sam}@corp.example.com`,
      displayName: person ? `Person ${i}` : null,
      givenName: person ? 'Given' : null,
      sn: person ? `Surname${i}` : null,
      mail: person ? `${sam}@corp.example.com` : null,
      employeeId: kind === 'person' ? `E${i}` : null,
      title: null,
      department: null,
      description: kind === 'agent' ? 'GPT ticket triage agent' : kind === 'bot' ? 'Nightly report mailer bot' : null,
      info: null,
      dn,
      ou: `OU=${person ? 'People' : 'Service Accounts'},${BASE}`,
      objectClasses:
        kind === 'gmsa'
          ? ['top', 'person', 'organizationalPerson', 'user', 'computer', 'msDS-GroupManagedServiceAccount']
          : ['top', 'person', 'organizationalPerson', 'user'],
      userAccountControl: (i % 37 === 0 ? 2 : 0) | (person ? 512 : 66048) | (i % 97 === 0 ? 4194304 : 0),
      whenCreated: iso(800, asOf),
      lastLogonTimestamp: i % 23 === 0 ? null : iso(lastLogonDays(i), asOf),
      pwdLastSet: iso((i * 7) % 1500, asOf),
      accountExpires: i % 211 === 0 ? iso(5, asOf) : null,
      spns: kind === 'service' ? [`HTTP/app${i}.corp.example.com`] : [],
      primaryGroupId: 513,
      adminCount: i % 401 === 0 ? 1 : null,
      supportedEncryptionTypes: i % 3 === 0 ? 24 : null,
      allowedToDelegateTo: [],
      managerDn: person ? null : `CN=user${i - (i % 10)},OU=People,${BASE}`,
      managedBy: null,
      hrOutcome: kind === 'person' ? (i % 41 === 0 ? 'leaver' : 'matched') : kind === 'admin' ? 'matched' : 'none',
    });
    edges.push({ groupGuid: guid('a', 0), memberGuid: objectGuid });
    edges.push({ groupGuid: guid('b', i % GROUPS), memberGuid: objectGuid });
    edges.push({ groupGuid: guid('b', (i * 7 + 3) % GROUPS), memberGuid: objectGuid });
    if (i % 331 === 0) {
      edges.push({ groupGuid: guid('a', 1), memberGuid: objectGuid });
      paths.push({ accountGuid: objectGuid, groupGuid: guid('a', 1), path: [guid('a', 1)] });
    }
  }
  return { asOf, hrReconciled: true, accounts, groups, edges, paths, metadata: new Map() };
}
