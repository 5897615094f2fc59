import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelFor, operationNames } from '../../src/api/channels';
import type { Router } from '../../src/api/router';

/**
 * One handler per contract operation. Each checks that the call comes from the
 * app's own window and page before the router validates the payload with zod.
 */
export function registerIpc(router: Router, isTrusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of operationNames) {
    ipcMain.handle(channelFor(name), (event, payload: unknown) => {
      if (!isTrusted(event)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from the Warden window.' },
        };
      }
      return router.call(name, payload);
    });
  }
}
