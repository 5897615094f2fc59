import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TestDcError } from './errors';
import { pickLoopbackAddress } from './loopback';
import { isSambaRunning, startSamba, stopSamba } from './process';
import { baseSmbOptions, dcLayout, type DcLayout } from './provision';
import { setGlobalOptions, updateSmbConf } from './smb-conf';
import { tarExtract, type DcTemplate } from './template';
import { issueServerCertificate, tlsSmbOptions } from './tls';

export interface RunningDc {
  ip: string;
  dir: string;
  layout: DcLayout;
  pid: number;
  /** PEM of the CA that signed this DC's certificate. */
  caPem: string;
  startMs: number;
  /** Stops samba and deletes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartDcOptions {
  /** Folder to create the DC's own folder in; defaults to $TMPDIR. */
  parentDir?: string;
  /** A loopback address; a free one is picked when absent. */
  ip?: string;
  /** Extra [global] options, e.g. `{ 'ldap server require strong auth': 'yes' }`. */
  smbOptions?: Record<string, string>;
}

const running = new Map<number, string>();

function killLeftovers(): void {
  for (const pid of running.keys()) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'samba') process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

let exitHookInstalled = false;

/** A test process that ends without calling stop() must still not leave samba behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', killLeftovers);
}

const START_ATTEMPTS = 3;

/**
 * Restores `template` into a fresh folder, gives it a certificate for its
 * address and starts it (about 1 s). When a parallel run took the address
 * between the port probe and the start, it tries another one.
 */
export async function startDc(template: DcTemplate, options: StartDcOptions = {}): Promise<RunningDc> {
  const tried = new Set<string>();
  for (let attempt = 1; ; attempt += 1) {
    const ip = options.ip ?? (await pickLoopbackAddress(tried));
    tried.add(ip);
    try {
      return await startDcAt(template, ip, options);
    } catch (error) {
      const retry = error instanceof TestDcError && error.code === 'TEST_DC_ADDRESS_TAKEN';
      if (!retry || options.ip !== undefined || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

async function startDcAt(template: DcTemplate, ip: string, options: StartDcOptions): Promise<RunningDc> {
  const started = performance.now();
  installExitHook();
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'warden-dc-'));
  const layout = dcLayout(dir);
  try {
    await tarExtract(template.tarPath, dir);
    const ca = { keyPath: join(dir, template.caKeyRelativePath), certPath: join(dir, template.caCertRelativePath) };
    const cert = await issueServerCertificate(ca, join(dir, 'tls'), ip);
    await updateSmbConf(layout.confPath, (conf) =>
      setGlobalOptions(conf.split(template.builtDir).join(dir), {
        ...baseSmbOptions(dir, ip),
        ...tlsSmbOptions(cert, ca),
        ...options.smbOptions,
      }),
    );
    const pid = await startSamba(layout, { ip, caPem: template.caPem, certPem: cert.pem });
    running.set(pid, dir);
    let stopped = false;
    return {
      ip,
      dir,
      layout,
      pid,
      caPem: template.caPem,
      startMs: Math.round(performance.now() - started),
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await stopSamba(layout);
        } finally {
          if (!(await isSambaRunning(pid))) running.delete(pid);
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await stopSamba(layout).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
