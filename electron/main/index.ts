import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { PROGRESS_CHANNEL } from '../../src/api/channels';
import { createCore, type Core } from '../../src/api/core';
import { registerIpc } from './ipc';
import { sqliteNativeBinding } from './native-binding';
import { resolveKeySource } from './store-key';
import { isFromWindow } from './sender-check';
import { blockNavigation, createMainWindow, hardenSession, rendererUrl } from './window';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

app.on('web-contents-created', (_event, contents) => blockNavigation(contents, rendererUrl()));

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

async function start(): Promise<void> {
  hardenSession();
  const url = rendererUrl();
  const userData = app.getPath('userData');
  const storePath = join(userData, 'warden.db');
  const nativeBinding = sqliteNativeBinding();
  core = await createCore({
    storePath,
    keySource: await resolveKeySource(storePath, join(userData, 'store-key.bin')),
    version: app.getVersion(),
    // electron-builder copies resources/ into the app's resources folder; in development it is the repo's own.
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    platform: process.platform,
    ...(nativeBinding === undefined ? {} : { nativeBinding }),
    emit: (event) => mainWindow?.webContents.send(PROGRESS_CHANNEL, event),
  });
  registerIpc(core.router, (event) => isFromWindow(mainWindow, event.sender, event.senderFrame?.url, url));
  mainWindow = createMainWindow(url);
  mainWindow.on('closed', () => {
    core?.router.cancelAll();
    mainWindow = null;
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox('Warden could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

app.on('window-all-closed', () => {
  const closing = core?.close() ?? Promise.resolve();
  core = null;
  void closing.finally(() => app.quit());
});
