// The renderer's only door to the core: one named method per contract
// operation, and a progress subscription. Nothing else of ipcRenderer leaks.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelFor, operationNames, PROGRESS_CHANNEL } from '../../src/api/channels';

type Listener = (event: unknown) => void;

const methods = Object.fromEntries(
  operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]),
);

contextBridge.exposeInMainWorld('warden', {
  ...methods,
  onProgress(listener: Listener): () => void {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, forward);
    };
  },
});
