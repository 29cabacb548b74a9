// Binds the contract's channels to the dispatcher. Every call's sender is checked first: the app's own
// window, its top frame, on the app's own origin. Arguments are validated by the dispatcher.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { INVOKE_CHANNELS, type EventChannel, type EventContract, type Result } from '../preload/contract'
import type { Dispatch } from './core/ipc/ipc-dispatcher'
import type { Logger } from './core/base/logger'
import { isTrustedRendererUrl } from './core/ipc/trusted-sender'

const REFUSED: Result<never> = { ok: false, error: { code: 'invalid-argument', message: 'Request refused.' } }

export function registerIpc(options: {
  dispatch: Dispatch
  trustedOrigins: readonly string[]
  isAppWebContents: (contents: WebContents) => boolean
  logger: Logger
}): () => void {
  const isTrusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame
    return (
      frame !== null &&
      frame === event.sender.mainFrame &&
      options.isAppWebContents(event.sender) &&
      isTrustedRendererUrl(frame.url, options.trustedOrigins)
    )
  }
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrusted(event)) {
        options.logger.warn('refused IPC from an untrusted sender', { channel })
        return REFUSED
      }
      return options.dispatch(channel, args)
    })
  }
  return () => INVOKE_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel))
}

export function sendEvent<E extends EventChannel>(contents: WebContents, channel: E, payload: EventContract[E]): void {
  if (!contents.isDestroyed()) contents.send(channel, payload)
}
