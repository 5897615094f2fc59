import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { SeedFacts } from './company/facts';
import { DEFAULT_ACCOUNTS, DEFAULT_SEED } from './company/generate';
import { dcTools } from './packages';
import { provisionDomain } from './provision';
import { runCommand } from './run-command';
import { seedDomain, type SeedTimings } from './seed';
import { createCertificateAuthority } from './tls';

/** A seeded, stopped DC kept as a tar file, and what is needed to restore and trust it. */
export interface DcTemplate {
  key: string;
  tarPath: string;
  /** The folder the template was built in: every copy rewrites this path in smb.conf. */
  builtDir: string;
  /** Inside a restored copy: the CA that signs each copy's server certificate. */
  caKeyRelativePath: string;
  caCertRelativePath: string;
  caPem: string;
  hrCsvPath: string;
  facts: SeedFacts;
  sambaVersion: string;
  createdAt: string;
  timings: { provisionMs: number; seed: SeedTimings; archiveMs: number; totalMs: number };
}

export interface TemplateSpec {
  accounts?: number;
  seed?: number;
  /** Reference date of the seed; defaults to the start of today (UTC), so one template serves a whole day. */
  now?: Date;
  /** Where templates are kept; defaults to $TMPDIR/warden-dc-templates. */
  cacheDir?: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** Files that only run a DC and do not shape what a template contains. */
const RUNTIME_ONLY = new Set([
  'test-dc.ts',
  'global-setup.ts',
  'dc-instance.ts',
  'process.ts',
  'loopback.ts',
  'run-dir.ts',
  'cli.ts',
]);
const PRUNE_AFTER_MS = 7 * 86_400_000;
/** A build folder's own mtime does not move while ldbadd writes inside it: a large seed takes hours. */
const ABANDONED_BUILD_AFTER_MS = 86_400_000;
const CA_DIR = 'tls-ca';
/** Provision needs an address; each copy gets its own later. */
const BUILD_IP = '127.0.0.1';

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function defaultTemplateDir(): string {
  return process.env['WARDEN_DC_TEMPLATE_DIR'] ?? join(tmpdir(), 'warden-dc-templates');
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts') && !(dir === HERE && RUNTIME_ONLY.has(entry.name))) files.push(path);
  }
  return files.sort();
}

async function sambaVersion(): Promise<string> {
  const { stdout } = await runCommand(dcTools().samba, ['-V'], { timeoutMs: 10_000 });
  return stdout.trim();
}

/** Changes with the seed parameters, the generator's source and the Samba build. */
async function templateKey(
  parameters: { accounts: number; seed: number; now: string },
  version: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ parameters, version }));
  for (const file of await sourceFiles(HERE)) {
    hash.update(relative(HERE, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function tarCreate(sourceDir: string, tarPath: string): Promise<void> {
  await runCommand(dcTools().tar, ['--xattrs', '--xattrs-include=*', '--acls', '-cf', tarPath, '-C', sourceDir, '.'], {
    timeoutMs: 600_000,
  });
}

export async function tarExtract(tarPath: string, targetDir: string): Promise<void> {
  await runCommand(dcTools().tar, ['--xattrs', '--xattrs-include=*', '--acls', '-xf', tarPath, '-C', targetDir], {
    timeoutMs: 600_000,
  });
}

async function readTemplate(metaPath: string): Promise<DcTemplate | undefined> {
  try {
    const template = JSON.parse(await readFile(metaPath, 'utf8')) as DcTemplate;
    if (!existsSync(template.tarPath) || !existsSync(template.hrCsvPath)) return undefined;
    const now = new Date();
    await utimes(metaPath, now, now);
    await utimes(template.tarPath, now, now);
    return template;
  } catch {
    return undefined;
  }
}

/** Drops templates unused for a week and build folders a crashed run left behind. */
async function prune(cacheDir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(keep)) continue;
    const path = join(cacheDir, name);
    try {
      const info = await stat(path);
      const isBuild = name.startsWith('build-') || name.startsWith('work-');
      if (now - info.mtimeMs > (isBuild ? ABANDONED_BUILD_AFTER_MS : PRUNE_AFTER_MS))
        await rm(path, { recursive: true, force: true });
    } catch {
      // Removed by a parallel run.
    }
  }
}

/**
 * The template for `spec`, from the cache when an identical one was built
 * before; otherwise provision, seed and archive a new one (about 20 s for
 * 2,000 accounts).
 */
export async function ensureTemplate(spec: TemplateSpec = {}): Promise<{ template: DcTemplate; fromCache: boolean }> {
  const cacheDir = spec.cacheDir ?? defaultTemplateDir();
  await mkdir(cacheDir, { recursive: true });
  const now = spec.now ?? startOfUtcDay(new Date());
  const parameters = {
    accounts: spec.accounts ?? DEFAULT_ACCOUNTS,
    seed: spec.seed ?? DEFAULT_SEED,
    now: now.toISOString(),
  };
  const version = await sambaVersion();
  const key = await templateKey(parameters, version);
  const metaPath = join(cacheDir, `${key}.json`);

  const cached = await readTemplate(metaPath);
  if (cached) return { template: cached, fromCache: true };
  await prune(cacheDir, key);

  const started = performance.now();
  const buildDir = await mkdtemp(join(cacheDir, 'build-'));
  const workDir = await mkdtemp(join(cacheDir, 'work-'));
  try {
    const layout = await provisionDomain(buildDir, BUILD_IP);
    const provisioned = performance.now();
    const ca = await createCertificateAuthority(join(buildDir, CA_DIR));
    const hrCsvPath = join(cacheDir, `${key}.hr.csv`);
    const seeded = await seedDomain(
      layout,
      { accounts: parameters.accounts, seed: parameters.seed, now },
      workDir,
      join(workDir, 'hr.csv'),
    );
    const archiveStarted = performance.now();
    const tarPath = join(cacheDir, `${key}.tar`);
    await tarCreate(buildDir, join(workDir, 'template.tar'));
    await rename(join(workDir, 'template.tar'), tarPath);
    await rename(join(workDir, 'hr.csv'), hrCsvPath);
    const finished = performance.now();
    const template: DcTemplate = {
      key,
      tarPath,
      builtDir: buildDir,
      caKeyRelativePath: join(CA_DIR, 'ca.key'),
      caCertRelativePath: join(CA_DIR, 'ca.pem'),
      caPem: ca.pem,
      hrCsvPath,
      facts: seeded.facts,
      sambaVersion: version,
      createdAt: new Date().toISOString(),
      timings: {
        provisionMs: Math.round(provisioned - started),
        seed: seeded.timings,
        archiveMs: Math.round(finished - archiveStarted),
        totalMs: Math.round(finished - started),
      },
    };
    // The metadata is written last and atomically: its presence means the template is complete.
    await writeFile(join(workDir, 'meta.json'), JSON.stringify(template, null, 2));
    await rename(join(workDir, 'meta.json'), metaPath);
    return { template, fromCache: false };
  } finally {
    await rm(buildDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}
