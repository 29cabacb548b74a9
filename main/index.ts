// Electron entry: lifecycle, single instance, the window, menu, deep links, and wiring of the adapters to the
// core services. All behaviour lives in main/core (tested under plain Node); this file only connects it to Electron.
import { app, BrowserWindow, dialog, Menu, type WebContents } from 'electron'
import { join } from 'node:path'
import { createAppServices, type AppServices } from './core/app/app-services'
import { APP_PROTOCOL_ORIGIN } from './core/app/app-protocol'
import { ConfigError, environmentFor, loadConfig } from './core/app/config'
import type { InstanceDecision } from './core/app/single-instance'
import { isTrustedRendererUrl } from './core/ipc/trusted-sender'
import { createElectronOpener, electronClipboard, electronNotifier, externalTestWindows } from './adapters/electron-host'
import { handleAppProtocol, registerAppProtocolPrivileges } from './app-protocol'
import { registerDeepLinks } from './deep-link-electron'
import { APP_ID } from './app-identity'
import { registerIpc, sendEvent } from './ipc'
import { buildApplicationMenu } from './menu'
import { createMainWindow, hardenSessions, hardenWebContents } from './window'
import { restoreWindowState, trackWindowState } from './window-state-tracker'

// An installed app ignores development-only variables (another API host, another renderer, test windows).
const environment = environmentFor(process.env, app.isPackaged)
const devRendererUrl = environment['ELECTRON_RENDERER_URL']
const rendererUrl = devRendererUrl ?? `${APP_PROTOCOL_ORIGIN}/index.html`
const rendererOrigins = [devRendererUrl ? new URL(devRendererUrl).origin : APP_PROTOCOL_ORIGIN]

let mainWindow: BrowserWindow | null = null
let services: AppServices | null = null
let pendingDecision: InstanceDecision | null = null

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** Another launch or a link: come forward, then run the link's action once the services exist. */
function onInstanceDecision(decision: InstanceDecision): void {
  focusMainWindow()
  if (decision.rejected) services?.logger.warn('refused a deep link', { reason: decision.rejected })
  if (!services) {
    pendingDecision = decision
    return
  }
  // A link never starts work: it opens the connect form, prefilled; the browser opens when the person continues.
  if (decision.action?.kind === 'connect') services.requestConnect(decision.action.limit)
}

async function start(firstDecision: InstanceDecision): Promise<void> {
  let config
  try {
    config = loadConfig(environment)
  } catch (error) {
    dialog.showErrorBox('OpenRouter Key Manager', error instanceof ConfigError ? error.message : String(error))
    app.exit(1)
    return
  }
  const dataDir = config.dataDir ?? app.getPath('userData')
  hardenSessions()
  handleAppProtocol(join(import.meta.dirname, '../renderer'))
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => externalTestWindows.has(contents) || isTrustedRendererUrl(url, rendererOrigins)),
  )

  const opener = createElectronOpener([config.openRouterOrigin], { openInAppWindow: environment['ORKM_E2E_EXTERNAL_IN_WINDOW'] === '1' })
  services = await createAppServices({ ...config, dataDir }, { opener, clipboard: electronClipboard, notifier: electronNotifier })
  const appServices = services
  const isAppWebContents = (contents: WebContents) => mainWindow !== null && contents === mainWindow.webContents
  registerIpc({ dispatch: appServices.dispatch, trustedOrigins: rendererOrigins, isAppWebContents, logger: appServices.logger })
  appServices.onEvent((channel, payload) => {
    if (mainWindow) sendEvent(mainWindow.webContents, channel, payload)
  })

  const sendMenuCommand = (command: 'connect' | 'refresh-all' | 'add-key' | 'mint-key') => {
    focusMainWindow()
    if (mainWindow) sendEvent(mainWindow.webContents, 'menu:command', command)
  }
  Menu.setApplicationMenu(
    buildApplicationMenu(
      {
        connect: () => sendMenuCommand('connect'),
        addKey: () => sendMenuCommand('add-key'),
        mintKey: () => sendMenuCommand('mint-key'),
        refreshAll: () => sendMenuCommand('refresh-all'),
        openKeysPage: () => void opener.openExternal(`${config.openRouterOrigin}/keys`).catch(() => {}),
      },
      { isDev: devRendererUrl !== undefined },
    ),
  )

  const windowState = await restoreWindowState(dataDir)
  mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), rendererUrl, bounds: windowState.bounds })
  if (windowState.isMaximized) mainWindow.maximize()
  trackWindowState(mainWindow, dataDir)
  mainWindow.on('close', (event) => {
    // Closing now would lose a key that exists nowhere else yet (held unsaved, or mid-exchange).
    if (!services?.connect.hasWorkAtRisk() || !mainWindow) return
    const choice = dialog.showMessageBoxSync(mainWindow, {
      type: 'warning',
      buttons: ['Stay', 'Quit anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'A new key is not saved yet.',
      detail: 'Save it again or copy it first: once the app closes it is gone from this device (it still exists on OpenRouter).',
    })
    if (choice === 0) event.preventDefault()
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  onInstanceDecision(pendingDecision ?? firstDecision)
  pendingDecision = null
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the window, the listener and the store: it is focused (and gets any link) instead.
  app.quit()
} else {
  // Windows ties notifications and the taskbar to this id; it must match the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  registerAppProtocolPrivileges()
  const firstDecision = registerDeepLinks({ onDecision: onInstanceDecision })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let shutDown = false
  app.on('before-quit', (event) => {
    if (shutDown || !services) return
    // Close the listener and clear a copied key from the clipboard before the process goes.
    event.preventDefault()
    void services.shutdown().finally(() => {
      shutDown = true
      app.quit()
    })
  })
  app.whenReady().then(
    () => start(firstDecision),
    (error: unknown) => {
      dialog.showErrorBox('OpenRouter Key Manager', String(error))
      app.exit(1)
    },
  )
}
