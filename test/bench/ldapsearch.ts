/**
 * The baseline of the scan benchmark: OpenLDAP's ldapsearch making the
 * searches a scan makes (src/directory/enumerate.ts), with the same filters,
 * attributes and page size, its output thrown away. It is the least a client
 * can do to read the same entries, so the ratio is what decoding, mapping and
 * encrypting them costs on top.
 */
import { spawn } from 'node:child_process';
import {
  ACCOUNT_ATTRIBUTES,
  ACCOUNT_FILTER,
  DELEGATED_MSA_FILTER,
  GROUP_ATTRIBUTES,
  GROUP_FILTER,
  MEMBER_RANGE_SIZE,
} from '../../src/directory';

export interface LdapsearchTarget {
  url: string;
  bindName: string;
  password: string;
  baseDn: string;
  /** The DC's CA as a file: ldapsearch verifies the certificate against it. */
  caPath: string;
}

interface Search {
  base: string;
  scope: 'sub' | 'base';
  filter: string;
  attributes: readonly string[];
  /** Exit statuses (LDAP result codes) that mean "nothing matched", as the scan treats them. */
  tolerated?: ReadonlySet<number>;
}

/** scan.ts reads pages of 1,000 entries (AD's cap). */
const PAGE_SIZE = 1000;
/** A schema without delegated MSAs answers their filter with one of these; the scan skips it (enumerate.ts). */
const UNKNOWN_CLASS_RESULTS: ReadonlySet<number> = new Set([17, 18, 53]);
const RANGE_LINE = /^member;range=\d+-\d+::? /i;

const MISSING_LDAPSEARCH =
  'ldapsearch is not installed: the scan benchmark measures against it (Debian/Ubuntu: apt-get install ldap-utils)';

function spawnFailure(error: NodeJS.ErrnoException): Error {
  return error.code === 'ENOENT' ? new Error(MISSING_LDAPSEARCH, { cause: error }) : error;
}

/** The paged searches of a full scan, in the scan's order. */
function scanSearches(baseDn: string): { accounts: Search[]; groups: Search } {
  return {
    accounts: [
      { base: baseDn, scope: 'sub', filter: ACCOUNT_FILTER, attributes: ACCOUNT_ATTRIBUTES },
      {
        base: baseDn,
        scope: 'sub',
        filter: DELEGATED_MSA_FILTER,
        attributes: ACCOUNT_ATTRIBUTES,
        tolerated: UNKNOWN_CLASS_RESULTS,
      },
    ],
    groups: { base: baseDn, scope: 'sub', filter: GROUP_FILTER, attributes: GROUP_ATTRIBUTES },
  };
}

/** The read a scan makes for the rest of a group's members once the first range came back capped. */
function restOfMembers(groupDn: string): Search {
  return {
    base: groupDn,
    scope: 'base',
    filter: '(objectClass=*)',
    attributes: [`member;range=${MEMBER_RANGE_SIZE}-*`],
  };
}

function argumentsFor(target: LdapsearchTarget, search: Search, forParsing: boolean): string[] {
  const paging = search.scope === 'sub' ? ['-E', `pr=${PAGE_SIZE}/noprompt`] : [];
  const unwrapped = forParsing ? ['-o', 'ldif-wrap=no'] : [];
  return [
    '-LLL',
    ...unwrapped,
    ...paging,
    '-H',
    target.url,
    '-x',
    '-D',
    target.bindName,
    '-w',
    target.password,
    '-b',
    search.base,
    '-s',
    search.scope,
    search.filter,
    ...search.attributes,
  ];
}

/** Runs one search; its LDIF when `capture`, otherwise written to /dev/null. */
function runSearch(target: LdapsearchTarget, search: Search, capture: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('ldapsearch', argumentsFor(target, search, capture), {
      // demand is OpenLDAP's default; spelled out because the comparison is only fair with verification on.
      env: { ...process.env, LDAPTLS_CACERT: target.caPath, LDAPTLS_REQCERT: 'demand' },
      stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(spawnFailure(error)));
    child.on('close', (code) => {
      if (code === 0 || (code !== null && search.tolerated?.has(code) === true)) {
        resolve(Buffer.concat(out).toString('utf8'));
        return;
      }
      const stderr = Buffer.concat(err).toString('utf8').trim();
      reject(new Error(`ldapsearch ${search.filter} on ${search.base} exited with ${code}: ${stderr}`));
    });
  });
}

/** Throws MISSING_LDAPSEARCH before any DC is started for nothing. */
export async function checkLdapsearch(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('ldapsearch', ['-VV'], { stdio: 'ignore' });
    child.on('error', (error: NodeJS.ErrnoException) => reject(spawnFailure(error)));
    // -VV exits non-zero on some builds after printing the version: being found is what matters.
    child.on('close', () => resolve());
  });
}

/** The DN a line of unwrapped LDIF starts an entry with, base64 or not. */
function dnOf(line: string): string | undefined {
  if (line.startsWith('dn:: ')) return Buffer.from(line.slice(5), 'base64').toString('utf8');
  if (line.startsWith('dn: ')) return line.slice(4);
  return undefined;
}

function countEntries(ldif: string): number {
  return ldif.split('\n').filter((line) => dnOf(line) !== undefined).length;
}

/** Groups whose first `member` range came back capped: the scan reads the rest of each with one more search. */
function cappedGroups(ldif: string): string[] {
  const capped: string[] = [];
  let dn: string | undefined;
  for (const line of ldif.split('\n')) {
    const current = dnOf(line);
    if (current !== undefined) dn = current;
    else if (dn !== undefined && RANGE_LINE.test(line)) {
      capped.push(dn);
      dn = undefined;
    }
  }
  return capped;
}

export interface BaselinePlan {
  /** Entries the account searches returned. */
  accounts: number;
  groups: number;
  /** The searches of one baseline run, follow-up reads of large groups included. */
  searches: Search[];
}

/**
 * Runs the searches once with their output kept, untimed: it counts what they
 * return, to check the scan read the same entries, and finds the groups that
 * need a second read of their members.
 */
export async function planBaseline(target: LdapsearchTarget): Promise<BaselinePlan> {
  const { accounts, groups } = scanSearches(target.baseDn);
  let accountCount = 0;
  for (const search of accounts) accountCount += countEntries(await runSearch(target, search, true));
  const groupLdif = await runSearch(target, groups, true);
  return {
    accounts: accountCount,
    groups: countEntries(groupLdif),
    searches: [...accounts, groups, ...cappedGroups(groupLdif).map(restOfMembers)],
  };
}

/** One baseline run: every search in turn, output to /dev/null. */
export async function runBaseline(target: LdapsearchTarget, plan: BaselinePlan): Promise<void> {
  for (const search of plan.searches) await runSearch(target, search, false);
}
