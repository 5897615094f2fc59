import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConnectionTarget } from '../../src/api/schemas';

/** Where scan-process.ts finds its job: an environment variable keeps the password off the command line. */
export const SCAN_JOB_VARIABLE = 'WARDEN_BENCH_SCAN_JOB';

export interface ScanJob {
  target: ConnectionTarget;
  password: string;
  /** A path with no file yet for a full scan; the store of the full scan for an incremental one. */
  storePath: string;
  /** The store's raw key, hex; a fresh store gets this key. */
  keyHex: string;
  incremental?: boolean;
}

export interface ScanReport {
  /** Opening a new store, the scan into it and closing it; the process start is not included. */
  ms: number;
  /** maxRSS before the scan, KiB. */
  startKiB: number;
  /** maxRSS at the end, KiB. */
  peakKiB: number;
  accounts: number;
  groups: number;
  incremental: boolean;
}

const SCRIPT = fileURLToPath(new URL('scan-process.ts', import.meta.url));
/** `--import tsx` resolves from the working directory: the repository root holds node_modules. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function parseReport(stdout: string): ScanReport {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as ScanReport;
  } catch {
    throw new Error(`The scan process printed no report; its output ended with: ${last.slice(0, 500)}`);
  }
}

/** Runs one scan in a child process and returns what it measured. */
export function runScanProcess(job: ScanJob): Promise<ScanReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, [SCAN_JOB_VARIABLE]: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`The scan process exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
        return;
      }
      try {
        resolve(parseReport(Buffer.concat(out).toString('utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
