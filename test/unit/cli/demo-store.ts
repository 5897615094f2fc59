import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli-harness';

export const PASSPHRASE = 'correct horse battery staple';
export const env = { WARDEN_DB_PASSPHRASE: PASSPHRASE };

/** The bundled demo's HR list, for the tests that need reconciled accounts. */
export const DEMO_HR_FILE = join(import.meta.dirname, '..', '..', '..', 'resources', 'demo', 'corp-demo-hr.csv');

/**
 * A store holding one scan of the bundled demo, made once per test file:
 * scanning takes seconds, so each test works on its own copy of it.
 */
export class DemoStores {
  private dir = '';
  private template = '';
  private copies = 0;

  async setUp(prefix: string): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), prefix));
    this.template = join(this.dir, 'template.db');
    const scan = await runCli(['scan', '--demo', '--db', this.template, '--json'], env);
    expect(scan.stderr).toBe('');
    expect(scan.code).toBe(0);
  }

  /** A fresh copy of the scanned store, and a folder beside it for the test's files. */
  async copy(): Promise<{ db: string; dir: string }> {
    this.copies += 1;
    const db = join(this.dir, `test-${this.copies}.db`);
    await copyFile(this.template, db);
    return { db, dir: this.dir };
  }

  async tearDown(): Promise<void> {
    if (this.dir !== '') await rm(this.dir, { recursive: true, force: true });
  }
}

/** Runs a command that must succeed and prints JSON; a failure shows its stderr. */
export async function runJson<T>(args: string[]): Promise<T> {
  const result = await runCli(args, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}
