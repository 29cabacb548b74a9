// Electron's implementations of the core's host ports: browser, clipboard, notifications.
import { BrowserWindow, clipboard, ClipboardItem, Notification, shell } from 'electron'
import type { ClipboardPort, ExternalOpener, NotifierPort } from '../core/base/ports'
import { electronClipboardRecord } from './clipboard-record'
import { createCheckedOpener } from '../core/ipc/trusted-sender'

/** Windows that stand in for the system browser in end-to-end tests: they may navigate (consent → callback). */
export const externalTestWindows = new WeakSet<Electron.WebContents>()

export function createElectronOpener(allowedOrigins: readonly string[], options: { openInAppWindow: boolean }): ExternalOpener {
  // Opens the normalised href the check returned, never the raw string.
  return createCheckedOpener(allowedOrigins, async (href) => {
    if (options.openInAppWindow) {
      // End-to-end tests on the Electron backend: the "system browser" is a plain window Playwright can drive.
      const window = new BrowserWindow({ width: 900, height: 700, webPreferences: { sandbox: true, contextIsolation: true } })
      externalTestWindows.add(window.webContents)
      await window.loadURL(href)
      return
    }
    await shell.openExternal(href, { activate: true })
  })
}

export const electronClipboard: ClipboardPort = {
  // One item: the text and the concealed/no-history markers together (writing a raw format alone would replace the text).
  write: (content) => clipboard.write([new ClipboardItem(electronClipboardRecord(content))]),
  readText: () => clipboard.readText(),
  clear: async () => clipboard.clear(),
}

export const electronNotifier: NotifierPort = {
  notify(title, body) {
    if (Notification.isSupported()) new Notification({ title, body }).show()
  },
}
