import { existsSync } from 'node:fs';
import { app } from 'electron';
import { electronBindingPath } from '../native/binding-path.mjs';

/**
 * In development node_modules holds the Node-ABI build (for tests and the CLI);
 * the Electron-ABI build sits beside it. A packaged app has its modules rebuilt
 * for Electron by the packager, so it uses the default.
 */
export function sqliteNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const path = electronBindingPath(app.getAppPath(), process.versions.electron);
  if (existsSync(path)) return path;
  throw new Error(
    `The Electron build of the database engine is missing (${path}). Run "npm install" with internet access, then "npm start" again.`,
  );
}
