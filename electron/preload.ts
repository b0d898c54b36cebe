/**
 * The bridge: `window.lectern.invoke(channel, …)` for the contract's channels and
 * `window.lectern.on(event, cb)` returning an unsubscribe. `ipcRenderer` itself never crosses.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type BridgeApi, CHANNELS, EVENTS, type Result } from './ipc/contract';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

const api: BridgeApi = {
  invoke(channel, ...args) {
    if (!channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'forbidden', message: `unknown channel "${String(channel)}"` },
      } as Result<never>);
    }
    return ipcRenderer.invoke(channel, ...args);
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`unknown event "${String(event)}"`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('lectern', Object.freeze(api));
