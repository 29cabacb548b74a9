// The app window, locked down: sandboxed, isolated, no Node, no new windows, no navigation away, no permissions.
import { BrowserWindow, session, type WebContents } from 'electron'

export interface MainWindowOptions {
  preloadPath: string
  rendererUrl: string
  bounds?: { x?: number; y?: number; width: number; height: number }
}

export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

/**
 * Applied to every web contents the app ever creates. No window is ever opened inside the app; a link meant for the
 * browser (e.g. OpenRouter's management-keys page) goes to `openExternally`, which opens only allow-listed origins.
 */
export function hardenWebContents(contents: WebContents, isAllowedUrl: (url: string) => boolean, openExternally?: (url: string) => void): void {
  contents.setWindowOpenHandler((details) => {
    openExternally?.(details.url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: options.bounds?.width ?? 1100,
    height: options.bounds?.height ?? 780,
    ...(options.bounds?.x === undefined ? {} : { x: options.bounds.x }),
    ...(options.bounds?.y === undefined ? {} : { y: options.bounds.y }),
    minWidth: 400,
    minHeight: 500,
    show: false,
    title: 'OpenRouter Key Manager',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.rendererUrl)
  return window
}
