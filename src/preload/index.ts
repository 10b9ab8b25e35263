import { contextBridge, ipcRenderer } from 'electron';
import type { EventMap, EventName, Method, RendererBridge } from '../shared/contract';
import type { Envelope } from '../shared/contract/errors';

// The page gets exactly two functions; never ipcRenderer itself or any Node API.
const api: RendererBridge = {
  invoke: (method: Method, input: unknown): Promise<Envelope<unknown>> => ipcRenderer.invoke('rpc', method, input),
  onEvent: <E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): (() => void) => {
    const handler = (_event: unknown, eventName: string, payload: EventMap[E]) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on('event', handler);
    return () => ipcRenderer.removeListener('event', handler);
  },
};

contextBridge.exposeInMainWorld('branchLedger', api);
