#!/usr/bin/env node
// Fetches (or compiles) better-sqlite3-multiple-ciphers for Electron's ABI into a
// folder of its own, so node_modules keeps the Node-ABI build that tests and the
// CLI load, and `npm start` never has to rebuild back and forth. The Electron
// main process passes this file to better-sqlite3 as `nativeBinding`.
// Offline, this warns and exits 0: `npm install` must still succeed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBindingPath } from './binding-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const MODULE = 'better-sqlite3-multiple-ciphers';
const TIMEOUT_MS = 180_000;

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ');
  return { ok: result.status === 0, output: result.error ? String(result.error.message) : output };
}

/** A non-N-API addon names its ABI in the symbol it registers with: node_register_module_v<ABI>. */
function buildsFor(binary, abi) {
  return readFileSync(binary).includes(Buffer.from(`node_register_module_v${abi}\0`));
}

function main() {
  const electronDir = packageDir('electron');
  const moduleDir = packageDir(MODULE);
  if (!electronDir || !moduleDir) return; // production install without Electron: nothing to do
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const target = electronBindingPath(root, electronVersion);
  if (existsSync(target)) return;

  const work = mkdtempSync(join(tmpdir(), 'warden-electron-abi-'));
  try {
    cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${moduleDir}/build`) });
    const bin = (name) => join(root, 'node_modules', '.bin', name);
    const common = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
    const attempts = [
      { what: 'prebuilt binary', ...run(bin('prebuild-install'), [...common, `--platform=${process.platform}`], work) },
    ];
    // Electron's headers come from the same internet the prebuilt binary does: offline, compiling cannot succeed.
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ETIMEDOUT/.test(attempts[0].output);
    if (!attempts[0].ok && !offline) {
      attempts.push({
        what: 'compile with Electron headers',
        ...run(bin('node-gyp'), ['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'], work),
      });
    }
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
    if (attempts.at(-1).ok && existsSync(built) && !buildsFor(built, abi)) {
      attempts.push({ what: 'check', output: `the result is not built for Electron's ABI ${abi}` });
    } else if (attempts.at(-1).ok && existsSync(built)) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(built, target);
      console.log(`warden: Electron ${electronVersion} build of ${MODULE} ready at ${target}`);
      return;
    }
    console.warn(
      [
        `warden: WARNING: no Electron ${electronVersion} build of ${MODULE} could be made (needs internet).`,
        ...attempts.map((a) => `  ${a.what}: ${a.output || 'failed'}`),
        '  Tests and the warden CLI are not affected. `npm start` tries again before it opens the app.',
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
