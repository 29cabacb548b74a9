// Sandboxed preload: bridges the contract's channels to ipcRenderer, nothing more.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createOrkmApi } from './api'
import type { Bridge, EventContract, EventChannel, InvokeArgs, InvokeChannel, InvokeValue, Result } from './contract'

const ipcBridge: Bridge = {
  invoke: <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>) =>
    ipcRenderer.invoke(channel, ...args) as Promise<Result<InvokeValue<C>>>,
  on: <E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void) => {
    // Hand the renderer the payload only: the IpcRendererEvent would leak `sender`.
    const wrapped = (_event: IpcRendererEvent, payload: EventContract[E]) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
}

export const api = createOrkmApi(ipcBridge)

contextBridge.exposeInMainWorld('orkm', api)
