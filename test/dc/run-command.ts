import { spawn } from 'node:child_process';
import { TestDcError } from './errors';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** When false, a non-zero exit is returned instead of thrown. */
  check?: boolean;
  /**
   * False for programs that daemonize: their output is not collected and the
   * run ends when the program exits, even if a child it leaves behind still
   * holds inherited descriptors.
   */
  captureOutput?: boolean;
}

const OUTPUT_CAP = 4 * 1024 * 1024;

/** At most the last OUTPUT_CAP characters, cut only once twice that has gathered, so that appending stays cheap. */
function lastPart(text: string): string {
  return text.length > 2 * OUTPUT_CAP ? text.slice(-OUTPUT_CAP) : text;
}

/** Last lines of some output, for error messages that must stay readable. */
export function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs a tool with stdin closed (CI has none, and a prompt must fail rather
 * than wait) in its own process group, so a timeout also kills what it spawned.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const capture = options.captureOutput !== false;
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'ignore',
      env: options.env ?? process.env,
      cwd: options.cwd,
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    // The end of a long output is kept: that is where tools print their summaries and errors.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = lastPart(stdout + chunk);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = lastPart(stderr + chunk);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const commandLine = [command, ...args].join(' ');
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new TestDcError(
          'TEST_DC_COMMAND_FAILED',
          `Could not run ${command}: ${error.message}`,
          { command: commandLine },
          { cause: error },
        ),
      );
    });
    child.on(capture ? 'close' : 'exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new TestDcError('TEST_DC_COMMAND_TIMEOUT', `${command} did not finish within ${options.timeoutMs} ms`, {
            command: commandLine,
            output: tail(stdout + stderr),
          }),
        );
        return;
      }
      const exitCode = code ?? (signal ? 128 : 1);
      if (exitCode !== 0 && options.check !== false) {
        reject(
          new TestDcError(
            'TEST_DC_COMMAND_FAILED',
            `${command} exited with ${signal ?? exitCode}:\n${tail(stderr || stdout)}`,
            {
              command: commandLine,
              exitCode,
            },
          ),
        );
        return;
      }
      resolve({ stdout, stderr, exitCode });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
