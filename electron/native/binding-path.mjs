import { join } from 'node:path';

/** Where the Electron-ABI build of better-sqlite3-multiple-ciphers lives, beside (not inside) its Node-ABI build. */
export function electronBindingPath(projectRoot, electronVersion) {
  return join(projectRoot, 'node_modules', '.electron-abi', electronVersion, 'better_sqlite3.node');
}
