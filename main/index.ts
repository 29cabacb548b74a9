// Electron entry: lifecycle, single instance, the window, and wiring of the adapters to the core services.
// All behaviour lives in main/core (tested under plain Node); this file only connects it to Electron.
import { app, BrowserWindow, dialog, type WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createAppServices, type AppServices } from './core/app-services'
import { ConfigError, loadConfig } from './core/config'
import { isTrustedRendererUrl } from './core/trusted-sender'
import { createElectronOpener, electronClipboard, electronNotifier } from './adapters/electron-host'
import { registerIpc, sendEvent } from './ipc'
import { createMainWindow, hardenSessions, hardenWebContents } from './window'

const devRendererUrl = process.env['ELECTRON_RENDERER_URL']
const rendererUrl = devRendererUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
const rendererOrigins = [devRendererUrl ? new URL(devRendererUrl).origin : 'file://']

let mainWindow: BrowserWindow | null = null
let services: AppServices | null = null

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    dialog.showErrorBox('OpenRouter Key Manager', error instanceof ConfigError ? error.message : String(error))
    app.exit(1)
    return
  }
  const dataDir = config.dataDir ?? app.getPath('userData')
  hardenSessions()
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => isTrustedRendererUrl(url, rendererOrigins) && url.startsWith(rendererUrl.split('#')[0]!)),
  )

  services = await createAppServices(
    { ...config, dataDir },
    {
      opener: createElectronOpener([config.openRouterOrigin], { openInAppWindow: process.env['ORKM_E2E_EXTERNAL_IN_WINDOW'] === '1' }),
      clipboard: electronClipboard,
      notifier: electronNotifier,
    },
  )
  const appServices = services
  const isAppWebContents = (contents: WebContents) => mainWindow !== null && contents === mainWindow.webContents
  registerIpc({ dispatch: appServices.dispatch, trustedOrigins: rendererOrigins, isAppWebContents, logger: appServices.logger })
  appServices.onEvent((channel, payload) => {
    if (mainWindow) sendEvent(mainWindow.webContents, channel, payload)
  })

  mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), rendererUrl })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the window, the listener and the store: it is focused instead.
  app.quit()
} else {
  app.on('second-instance', () => focusMainWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => {
    void services?.shutdown()
  })
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('OpenRouter Key Manager', String(error))
    app.exit(1)
  })
}
