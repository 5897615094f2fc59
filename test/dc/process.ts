import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { Client } from 'ldapts';
import { TestDcError } from './errors';
import { dcTools } from './packages';
import type { DcLayout } from './provision';
import { runCommand, tail } from './run-command';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 100;
const PROBE_TIMEOUT_MS = 1_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(pidFile, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True while `pid` is a live samba; a recycled pid or a zombie does not count. */
export async function isSambaRunning(pid: number): Promise<boolean> {
  try {
    const [comm, stat] = await Promise.all([
      readFile(`/proc/${pid}/comm`, 'utf8'),
      readFile(`/proc/${pid}/stat`, 'utf8'),
    ]);
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return comm.trim() === 'samba' && state !== 'Z';
  } catch {
    return false;
  }
}

async function logTail(layout: DcLayout): Promise<string> {
  try {
    return tail(await readFile(layout.logPath, 'utf8'), 30);
  } catch {
    return '(no samba log was written)';
  }
}

type Probe = 'ours' | 'other' | 'none';

/**
 * One LDAPS rootDSE read with certificate verification, as a client would.
 * Every copy of a template shares its CA, so the server certificate's
 * fingerprint is what tells this DC from another one on the same address.
 */
async function probeLdaps(ip: string, caPem: string, fingerprint256: string): Promise<Probe> {
  let socket: TLSSocket | undefined;
  const client = new Client({
    url: `ldaps://${ip}:636`,
    connectTimeout: PROBE_TIMEOUT_MS,
    timeout: PROBE_TIMEOUT_MS,
    tlsOptions: { ca: [caPem], rejectUnauthorized: true },
    createSecureConnection: ((...args: Parameters<typeof tlsConnect>) => {
      socket = tlsConnect(...args);
      return socket;
    }) as typeof tlsConnect,
  });
  try {
    const { searchEntries } = await client.search('', { scope: 'base', attributes: ['dnsHostName'] });
    if (searchEntries.length !== 1) return 'none';
    return socket?.getPeerCertificate().fingerprint256 === fingerprint256 ? 'ours' : 'other';
  } catch {
    return 'none';
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export interface StartOptions {
  ip: string;
  caPem: string;
  /** PEM of the certificate this DC serves. */
  certPem: string;
  timeoutMs?: number;
}

/**
 * Starts samba as a daemon and returns once LDAPS answers with the expected
 * certificate; on any failure the process is stopped before the error is thrown.
 */
export async function startSamba(layout: DcLayout, options: StartOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
  const details = { dir: layout.dir, ip: options.ip, port: 636 };
  await rm(layout.pidFile, { force: true });
  const fingerprint256 = new X509Certificate(options.certPem).fingerprint256;
  const started = Date.now();
  try {
    const launch = await runCommand(dcTools().samba, ['-D', '-M', 'single', '-s', layout.confPath], {
      timeoutMs,
      captureOutput: false,
      check: false,
    });
    if (launch.exitCode !== 0) {
      throw new TestDcError(
        'TEST_DC_START_FAILED',
        `samba -D exited with ${launch.exitCode}:\n${await logTail(layout)}`,
        details,
      );
    }
    let pid: number | undefined;
    while (Date.now() - started < timeoutMs) {
      pid ??= await readPid(layout.pidFile);
      if (pid !== undefined && !(await isSambaRunning(pid))) {
        throw new TestDcError(
          'TEST_DC_START_FAILED',
          `samba exited during start-up:\n${await logTail(layout)}`,
          details,
        );
      }
      const probe = pid === undefined ? 'none' : await probeLdaps(options.ip, options.caPem, fingerprint256);
      if (probe === 'ours' && pid !== undefined) return pid;
      if (probe === 'other') {
        throw new TestDcError(
          'TEST_DC_ADDRESS_TAKEN',
          `Another domain controller already answers on ${options.ip}:636`,
          details,
        );
      }
      await sleep(POLL_MS);
    }
    throw new TestDcError(
      'TEST_DC_START_TIMEOUT',
      `samba did not answer LDAPS on ${options.ip}:636 within ${timeoutMs / 1000} s:\n${await logTail(layout)}`,
      details,
    );
  } catch (error) {
    await stopSamba(layout).catch(() => undefined);
    throw error;
  }
}

/** SIGTERM, then SIGKILL if samba is still there after the timeout. Safe when it is not running. */
export async function stopSamba(layout: DcLayout, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  const pid = await readPid(layout.pidFile);
  if (pid === undefined || !(await isSambaRunning(pid))) return;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isSambaRunning(pid))) return;
    await sleep(POLL_MS);
  }
  signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (Date.now() < killDeadline) {
    if (!(await isSambaRunning(pid))) return;
    await sleep(POLL_MS);
  }
  throw new TestDcError('TEST_DC_STOP_FAILED', `samba (pid ${pid}) survived SIGKILL`, { dir: layout.dir, pid });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Exited in between.
  }
}

/** The pids of `pid` and every process below it (samba serves LDAP from child processes). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStatSync(entry);
    // The command name is in parentheses and may hold spaces; the parent pid is the second field after it.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(parent)) parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (let queue = [pid]; queue.length > 0;) {
    const next = queue.shift() as number;
    tree.push(next);
    queue = queue.concat(parents.get(next) ?? []);
  }
  return tree;
}

function readStatSync(entry: string): string {
  try {
    return readFileSync(`/proc/${entry}/stat`, 'utf8');
  } catch {
    return ''; // Exited in between.
  }
}

/**
 * Freezes (SIGSTOP) or thaws (SIGCONT) a running samba and its children: a
 * DC that stops answering mid-operation, so that a test can act while a scan
 * is known to be in flight. Synchronous, so that a progress listener can
 * freeze the DC before the scan asks for its next page.
 */
export function signalSambaTree(pid: number, signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const member of processTree(pid)) {
    try {
      process.kill(member, signal);
    } catch {
      // A child that has just exited has nothing left to freeze.
    }
  }
}
