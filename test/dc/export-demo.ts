/**
 * Writes the demo domain in resources/demo/ from a real seeded DC, so the demo
 * looks exactly like an export of a real domain:
 *   npx tsx test/dc/export-demo.ts [--accounts 600] [--date 2026-11-01]
 * SIDs and GUIDs come from the provision, so a rebuilt template changes them:
 * regenerate only deliberately.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ACCOUNT_ATTRIBUTES, GROUP_ATTRIBUTES } from '../../src/directory/account-attributes';
import { allStrings } from '../../src/directory/entry-values';
import { readLdifEntries } from '../../src/directory/ldif';
import type { SeedFacts } from './company/facts';
import { startDc } from './dc-instance';
import { ACCOUNT_FILTER, ADMIN_DN, ADMIN_PASSWORD, BASE_DN } from './domain';
import { dcTools, ensureDcTools } from './packages';
import { runCommand } from './run-command';
import { ensureTemplate } from './template';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_DIR = join(ROOT, 'resources/demo');
const DEFAULT_ACCOUNTS = 600;
const DEFAULT_DATE = '2026-11-01';

/** Accounts (people, service accounts, gMSAs, sMSAs) and groups. */
const DEMO_FILTER = `(|${ACCOUNT_FILTER}(objectClass=group))`;

/** What a scan reads, and the attributes that make it look like a real export. */
export const DEMO_ATTRIBUTES = [
  ...new Set([
    ...ACCOUNT_ATTRIBUTES,
    // A whole export: plain `member` (every value), not the scan's first range.
    ...GROUP_ATTRIBUTES.filter((attribute) => !attribute.startsWith('member;')),
    'member',
    // What an administrator's export also carries, so the demo reads like a real one.
    'cn',
    'name',
    'uSNCreated',
    'memberOf',
    'objectCategory',
  ]),
];

interface DemoSummary {
  accounts: number;
  date: string;
  entries: number;
  groups: number;
  bytes: number;
  counts: SeedFacts['counts'];
}

function readme(options: DemoSummary): string {
  const { byKind, ...counts } = options.counts;
  return `# Demo domain

A fictitious company, \`corp.example.test\`, for exploring Warden without a
domain. Nothing here belongs to a real organisation.

- \`corp-demo.ldif\` — an \`ldapsearch -LLL\` export (RFC 2849, wrapped at 78
  columns) of ${options.entries} objects: every person, service account, bot,
  AI agent, gMSA and sMSA, and every group, with the attributes Warden reads
  (objectGUID, objectSid, userAccountControl, lastLogonTimestamp, pwdLastSet,
  servicePrincipalName, member, manager, managedBy, …). ${(options.bytes / 1024).toFixed(0)} KiB.
- \`corp-demo-hr.csv\` — the HR list of the same company (employees,
  contractors, leavers): ${counts.hrRows} rows, ${counts.hrWithoutAccount} of them people without an account.

## What is in it

| Objects | Count |
| --- | ---: |
| Accounts the filter of notes/ad-checks.md returns | ${counts.totalAccounts} |
| … made by the provision (Administrator, Guest, krbtgt, …) | ${counts.builtinAccounts} |
| … people (staff) | ${byKind.person} |
| … contractors | ${byKind.contractor} |
| … administrators' admin accounts | ${byKind.admin} |
| … service accounts | ${byKind.service} |
| … bots | ${byKind.bot} |
| … AI agents | ${byKind['ai-agent']} |
| … gMSAs | ${byKind.gmsa} |
| … sMSAs | ${byKind.smsa} |
| … helpdesk and operator accounts | ${byKind.helpdesk + byKind.operator} |
| Groups (seeded and built-in) | ${options.groups} |

Findings seeded on purpose, as of the reference date: ${counts.dormant} dormant
accounts (no logon for 90 days), ${counts.neverLoggedOn} never logged on, ${counts.expired} expired,
${counts.withSpn} with an SPN (${counts.spnWithoutEncryptionTypes} of them without msDS-SupportedEncryptionTypes: RC4 by default), ${counts.asRepRoastable} AS-REP roastable,
${counts.unconstrainedDelegation} with unconstrained delegation, ${counts.passwordNotRequired} without a required password,
${counts.passwordNeverExpires} whose password never expires, ${counts.ownedByLeaver} non-human accounts owned by
a leaver, ${counts.leaversEnabled} leavers still enabled, ${counts.unhintedAiAgents} AI agents whose name gives nothing away.

## How it was made

The seed generator the tests use (\`test/dc/company/\`) with ${options.accounts}
seeded accounts and the reference date ${options.date} was loaded into a real
Samba AD DC, which was then read over LDAPS (certificate verified against the
test CA) with:

    ldapsearch -LLL -o ldif-wrap=78 -E pr=1000/noprompt -H ldaps://<dc> -x \\
      -D CN=Administrator,CN=Users,${BASE_DN} -w <password> \\
      -b ${BASE_DN} '${DEMO_FILTER}' <attributes>

The people, names, flags, group memberships and the FILETIME dates
(\`lastLogonTimestamp\`, \`accountExpires\`) follow from the seed and the
reference date. The rest is what the DC itself made: SIDs, GUIDs and USNs
come from the provision, \`whenCreated\`/\`whenChanged\` record when the
seed was loaded (not the reference date), and the Administrator's
\`lastLogonTimestamp\` records the export's own bind. The bind moves with every
export; the rest changes whenever the template is rebuilt (a new seed
generator, a new Samba, or a cache older than a week).

The two \`#\` lines are ldapsearch's own (a referral to the configuration
partition, the end of paging): kept, as in any export.

## Regenerate (deliberately: SIDs and GUIDs change with a new template)

    npx tsx test/dc/export-demo.ts --accounts ${options.accounts} --date ${options.date}

It needs Samba and ldap-utils (see test/dc/README.md) and takes about 15 s
(a second or two when the template is cached). The unit test
test/unit/directory/ldif-read.test.ts checks the entry count: update it with
the demo.
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string' }, date: { type: 'string' } } });
  const accounts = values.accounts === undefined ? DEFAULT_ACCOUNTS : Number(values.accounts);
  const date = values.date ?? DEFAULT_DATE;
  await ensureDcTools();
  const { template } = await ensureTemplate({ accounts, now: new Date(`${date}T00:00:00Z`) });
  const dc = await startDc(template);
  const scratch = await mkdtemp(join(tmpdir(), 'warden-demo-'));
  try {
    const caPath = join(scratch, 'ca.pem');
    await writeFile(caPath, dc.caPem);
    const { stdout } = await runCommand(
      dcTools().ldapsearch,
      [
        '-LLL',
        '-o',
        'ldif-wrap=78',
        '-E',
        'pr=1000/noprompt',
        '-H',
        `ldaps://${dc.ip}`,
        '-x',
        '-D',
        ADMIN_DN,
        '-w',
        ADMIN_PASSWORD,
        '-b',
        BASE_DN,
        DEMO_FILTER,
        ...DEMO_ATTRIBUTES,
      ],
      // The DC's certificate is issued for its address; verification stays on, against the test CA only.
      { timeoutMs: 120_000, env: { ...process.env, LDAPTLS_CACERT: caPath, LDAPTLS_REQCERT: 'demand' } },
    );
    await mkdir(DEMO_DIR, { recursive: true });
    const ldifPath = join(DEMO_DIR, 'corp-demo.ldif');
    await writeFile(ldifPath, stdout);
    await copyFile(template.hrCsvPath, join(DEMO_DIR, 'corp-demo-hr.csv'));
    // Read back with Warden's own reader: a demo it cannot read must not be written.
    let entries = 0;
    let groups = 0;
    for await (const page of readLdifEntries(ldifPath)) {
      entries += page.length;
      groups += page.filter((entry) => allStrings(entry, 'objectClass').includes('group')).length;
    }
    await writeFile(
      join(DEMO_DIR, 'README.md'),
      readme({ accounts, date, entries, groups, bytes: Buffer.byteLength(stdout), counts: template.facts.counts }),
    );
    console.log(JSON.stringify({ ldifPath, entries, bytes: Buffer.byteLength(stdout), counts: template.facts.counts }));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await dc.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
