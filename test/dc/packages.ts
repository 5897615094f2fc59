import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TestDcError } from './errors';
import { runCommand } from './run-command';

/** The programs the test DC drives, resolved to absolute paths. */
export interface DcTools {
  samba: string;
  sambaTool: string;
  ldbadd: string;
  ldbmodify: string;
  ldbsearch: string;
  ldapsearch: string;
  openssl: string;
  tar: string;
}

const PROGRAMS: Record<keyof DcTools, string> = {
  samba: 'samba',
  sambaTool: 'samba-tool',
  ldbadd: 'ldbadd',
  ldbmodify: 'ldbmodify',
  ldbsearch: 'ldbsearch',
  ldapsearch: 'ldapsearch',
  openssl: 'openssl',
  tar: 'tar',
};

export const APT_PACKAGES = [
  'samba',
  'samba-dsdb-modules',
  'samba-vfs-modules',
  'samba-ad-provision',
  'ldb-tools',
  'ldap-utils',
  'openssl',
] as const;

const INSTALL_COMMAND = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`;

// samba lives in sbin, which a CI user's PATH may lack.
const EXTRA_DIRS = ['/usr/sbin', '/sbin', '/usr/bin', '/bin'];

function findProgram(name: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

function locate(): { tools: Partial<DcTools>; missing: string[] } {
  const tools: Partial<DcTools> = {};
  const missing: string[] = [];
  for (const [key, program] of Object.entries(PROGRAMS) as [keyof DcTools, string][]) {
    const found = findProgram(program);
    if (found) tools[key] = found;
    else missing.push(program);
  }
  return { tools, missing };
}

let resolved: DcTools | undefined;

function missingToolsError(missing: string[]): TestDcError {
  return new TestDcError(
    'TEST_DC_TOOLS_MISSING',
    `The test domain controller needs ${missing.join(', ')}. Install them as root with:\n  ${INSTALL_COMMAND}`,
    { missing, command: INSTALL_COMMAND },
  );
}

/** Absolute paths of the tools; throws when ensureDcTools() would have to install something. */
export function dcTools(): DcTools {
  if (resolved) return resolved;
  const { tools, missing } = locate();
  if (missing.length > 0) throw missingToolsError(missing);
  resolved = tools as DcTools;
  return resolved;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
const APT_TIMEOUT_MS = 15 * 60_000;

async function aptInstall(): Promise<void> {
  const args = ['install', '-y', '--no-install-recommends', ...APT_PACKAGES];
  const first = await runCommand('apt-get', args, { timeoutMs: APT_TIMEOUT_MS, env: APT_ENV, check: false });
  if (first.exitCode === 0) return;
  // A fresh image often has no package lists yet.
  await runCommand('apt-get', ['update'], { timeoutMs: APT_TIMEOUT_MS, env: APT_ENV });
  await runCommand('apt-get', args, { timeoutMs: APT_TIMEOUT_MS, env: APT_ENV });
}

/** Makes sure Samba and its tools are present, installing them when running as root. */
export async function ensureDcTools(): Promise<DcTools> {
  const { missing } = locate();
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) throw missingToolsError(missing);
    await aptInstall();
  }
  return dcTools();
}
