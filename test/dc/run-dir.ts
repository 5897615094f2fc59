import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopSamba } from './process';
import { dcLayout } from './provision';

/**
 * Every DC of a test run lives in one folder owned by the run. Teardown stops
 * whatever is still running there, and the next run cleans up after a run
 * that was killed before its teardown.
 */
const PREFIX = 'warden-dc-run-';
const OWNER_FILE = 'owner.pid';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopDcsIn(runDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(runDir);
  } catch {
    return;
  }
  for (const name of entries) {
    const layout = dcLayout(join(runDir, name));
    if (existsSync(layout.confPath)) await stopSamba(layout).catch(() => undefined);
  }
}

export async function removeRunDir(runDir: string): Promise<void> {
  await stopDcsIn(runDir);
  await rm(runDir, { recursive: true, force: true });
}

async function sweepAbandonedRuns(parent: string): Promise<void> {
  for (const name of await readdir(parent)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(parent, name);
    try {
      const owner = Number.parseInt(await readFile(join(dir, OWNER_FILE), 'utf8'), 10);
      if (Number.isInteger(owner) && processAlive(owner)) continue;
    } catch {
      // No owner file: abandoned before it was written.
    }
    await removeRunDir(dir);
  }
}

export async function createRunDir(parent = tmpdir()): Promise<string> {
  await sweepAbandonedRuns(parent);
  const dir = await mkdtemp(join(parent, PREFIX));
  await writeFile(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}
