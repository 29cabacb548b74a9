// A recording stand-in for the `electron` module, so the shell (main/*.ts) runs under plain Node. Vitest's
// `shell` project aliases `electron` to this file (vitest.config.ts); nothing else sees it. It records calls
// (with whether the app was ready), keeps registered handlers, lets tests fire Electron's events, and enforces
// the before/after-ready rules Electron itself enforces. The compile-time checks at the end hold every member
// the shell uses to Electron's own declarations (node_modules/electron/electron.d.ts), so it cannot drift.
import { EventEmitter } from 'node:events'

export interface RecordedCall {
  api: string
  args: unknown[]
  beforeReady: boolean
}

let calls: RecordedCall[] = []
let ready = false
let resolveReady: () => void = () => {}
let readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))

function record(api: string, args: unknown[]): void {
  calls.push({ api, args, beforeReady: !ready })
}

/** Electron's preventable event object. */
export class StandInEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class WebFrameMainStandIn {
  constructor(public url: string) {}
}

let nextWebContentsId = 1

export class WebContentsStandIn extends EventEmitter {
  readonly id = nextWebContentsId++
  readonly mainFrame = new WebFrameMainStandIn('')
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  readonly loadedUrls: string[] = []
  private destroyed = false

  constructor() {
    super()
    app.emit('web-contents-created', new StandInEvent(), this)
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    this.mainFrame.url = url
    return Promise.resolve()
  }
  reload(): void {
    record('webContents.reload', [])
  }
  getURL(): string {
    return this.mainFrame.url
  }
  destroy(): void {
    this.destroyed = true
  }
}

const windows = new Set<BrowserWindowStandIn>()

export class BrowserWindowStandIn extends EventEmitter {
  readonly webContents: WebContentsStandIn
  private destroyed = false
  private minimized = false
  private maximized = false
  visible = false
  focused = false

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super()
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready')
    record('new BrowserWindow', [options])
    windows.add(this)
    this.webContents = new WebContentsStandIn()
  }
  static getAllWindows(): BrowserWindowStandIn[] {
    return [...windows]
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  isMinimized(): boolean {
    return this.minimized
  }
  minimize(): void {
    this.minimized = true
  }
  restore(): void {
    this.minimized = false
  }
  show(): void {
    this.visible = true
  }
  focus(): void {
    this.focused = true
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): Electron.Rectangle {
    return { x: 10, y: 10, width: this.options.width ?? 800, height: this.options.height ?? 600 }
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Like Electron: 'close' may be prevented; otherwise the window goes, then 'closed', then maybe window-all-closed. */
  close(): boolean {
    if (this.destroyed) return true
    const event = new StandInEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroy()
    if (windows.size === 0) app.emit('window-all-closed')
    return true
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    windows.delete(this)
    this.webContents.destroy()
    this.emit('closed')
  }
}

class AppStandIn extends EventEmitter {
  isPackaged = false
  /** Set by a test: another process already holds the single-instance lock. */
  lockHeldElsewhere = false
  lockHeld = false
  exitCode: number | null = null
  quitted = false
  paths: Record<string, string> = {}
  readonly commandLine = { hasSwitch: (name: string) => name.length === 0 }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock', [])
    if (this.lockHeldElsewhere) return false
    this.lockHeld = true
    return true
  }
  releaseSingleInstanceLock(): void {
    record('app.releaseSingleInstanceLock', [])
    this.lockHeld = false
  }
  hasSingleInstanceLock(): boolean {
    return this.lockHeld
  }
  whenReady(): Promise<void> {
    return readyPromise
  }
  isReady(): boolean {
    return ready
  }
  /** Electron's order: before-quit (preventable), every window closes (preventable), will-quit, quit. */
  quit(): void {
    record('app.quit', [])
    const beforeQuit = new StandInEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    for (const window of [...windows]) {
      const event = new StandInEvent()
      window.emit('close', event)
      if (event.defaultPrevented) return
      window.destroy()
    }
    const willQuit = new StandInEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.quitted = true
    this.lockHeld = false
    this.emit('quit', new StandInEvent(), 0)
  }
  /** Ends the process at once: no events, windows destroyed, the lock released with the process. */
  exit(exitCode = 0): void {
    record('app.exit', [exitCode])
    this.exitCode = exitCode
    for (const window of [...windows]) window.destroy()
    this.lockHeld = false
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const path = this.paths[name]
    if (path === undefined) throw new Error(`stand-in: no path for ${name}`)
    return path
  }
  getVersion(): string {
    return '0.1.0-stand-in'
  }
  getAppPath(): string {
    return this.paths['appPath'] ?? '/stand-in/app'
  }
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    record('app.setAsDefaultProtocolClient', [protocol, path, args])
    return true
  }
  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', [id])
  }
}

export const app = new AppStandIn()

export const protocol = {
  handlers: new Map<string, (request: GlobalRequest) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    record('protocol.registerSchemesAsPrivileged', [customSchemes])
  },
  handle(scheme: string, handler: (request: GlobalRequest) => Response | Promise<Response>): void {
    record('protocol.handle', [scheme])
    protocol.handlers.set(scheme, handler)
  },
}

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]

const defaultSession = {
  permissionRequestHandler: null as PermissionRequestHandler,
  permissionCheckHandler: null as PermissionCheckHandler,
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    record('session.setPermissionRequestHandler', [])
    defaultSession.permissionRequestHandler = handler
  },
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    record('session.setPermissionCheckHandler', [])
    defaultSession.permissionCheckHandler = handler
  },
}

export const session = {
  get defaultSession(): typeof defaultSession {
    if (!ready) throw new Error('session.defaultSession is only available once the app is ready')
    return defaultSession
  },
}

/** What the shell's IPC handlers see as the event: the sender and the frame that sent. */
export interface InvokeFrom {
  sender: WebContentsStandIn
  senderFrame: WebFrameMainStandIn | null
}

type InvokeHandler = (event: InvokeFrom, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, listener: InvokeHandler): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcMain.handlers.set(channel, listener)
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel)
  },
  /** A renderer's ipcRenderer.invoke, as Electron delivers it to main. */
  async invoke(channel: string, from: InvokeFrom, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(from, ...args)
  },
}

export const dialog = {
  /** Responses for the next message boxes (button index); 0 when empty. */
  responses: [] as number[],
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', [title, content])
  },
  showMessageBoxSync(...args: [Electron.BaseWindow, Electron.MessageBoxSyncOptions] | [Electron.MessageBoxSyncOptions]): number {
    record('dialog.showMessageBoxSync', [args.at(-1)])
    return dialog.responses.shift() ?? 0
  },
  showMessageBox(...args: [Electron.BaseWindow, Electron.MessageBoxOptions] | [Electron.MessageBoxOptions]): Promise<Electron.MessageBoxReturnValue> {
    record('dialog.showMessageBox', [args.at(-1)])
    return Promise.resolve({ response: dialog.responses.shift() ?? 0, checkboxChecked: false })
  },
}

export class MenuStandIn {
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}
  static applicationMenu: MenuStandIn | null = null
  static buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): MenuStandIn {
    return new MenuStandIn(template as Electron.MenuItemConstructorOptions[])
  }
  static setApplicationMenu(menu: MenuStandIn | null): void {
    record('Menu.setApplicationMenu', [menu])
    MenuStandIn.applicationMenu = menu
  }
}

const DISPLAY = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }

export const screen = {
  getPrimaryDisplay(): typeof DISPLAY {
    if (!ready) throw new Error('screen is only available once the app is ready')
    return DISPLAY
  },
  getAllDisplays(): Array<typeof DISPLAY> {
    return [screen.getPrimaryDisplay()]
  },
}

export const shell = {
  openExternal(url: string, options?: Electron.OpenExternalOptions): Promise<void> {
    record('shell.openExternal', [url, options])
    return Promise.resolve()
  },
  openPath(path: string): Promise<string> {
    record('shell.openPath', [path])
    return Promise.resolve('')
  },
}

let clipboardText = ''
/** Electron's ClipboardItem: a record of MIME types to payloads, written atomically by clipboard.write. */
export class ClipboardItemStandIn {
  constructor(readonly items: Record<string, unknown>) {}
}
export const clipboard = {
  async write(items: ClipboardItemStandIn[]): Promise<void> {
    record('clipboard.write', [items.map((item) => item.items)])
    const text = items[0]?.items['text/plain']
    if (typeof text === 'string') clipboardText = text
  },
  async writeText(text: string): Promise<void> {
    clipboardText = text
  },
  async readText(): Promise<string> {
    return clipboardText
  },
  clear(): void {
    clipboardText = ''
  },
}

export class NotificationStandIn {
  constructor(readonly options: Electron.NotificationConstructorOptions = {}) {}
  static isSupported(): boolean {
    return false
  }
  show(): void {
    record('Notification.show', [this.options])
  }
}

export const crashReporter = {
  start(options: Electron.CrashReporterStartOptions): void {
    record('crashReporter.start', [options])
  },
}

/** Only the self-test fetches through the app protocol; the shell tests never reach it. */
export const net = {
  fetch(url: string): Promise<Response> {
    record('net.fetch', [url])
    return Promise.reject(new Error('net.fetch is not available in the electron stand-in'))
  },
}

export {
  BrowserWindowStandIn as BrowserWindow,
  ClipboardItemStandIn as ClipboardItem,
  MenuStandIn as Menu,
  NotificationStandIn as Notification,
}

/** The test's controls. */
export const standIn = {
  /** Every recorded call, in order. */
  get calls(): readonly RecordedCall[] {
    return calls
  },
  callsTo(api: string): RecordedCall[] {
    return calls.filter((call) => call.api === api)
  },
  /** Electron's `ready`: whenReady() resolves and 'ready' is emitted. */
  becomeReady(): void {
    ready = true
    resolveReady()
    app.emit('ready', new StandInEvent(), {})
  },
  /** A fresh Electron for the next test. */
  reset(): void {
    for (const window of [...windows]) window.destroy()
    calls = []
    ready = false
    readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))
    app.removeAllListeners()
    Object.assign(app, { isPackaged: false, lockHeldElsewhere: false, lockHeld: false, exitCode: null, quitted: false, paths: {} })
    protocol.handlers.clear()
    defaultSession.permissionRequestHandler = null
    defaultSession.permissionCheckHandler = null
    ipcMain.handlers.clear()
    dialog.responses = []
    MenuStandIn.applicationMenu = null
    clipboardText = ''
  },
}

// Compile-time: each member the shell uses has Electron's own type (a renamed or retyped member fails tsc).
// Events (on/once/emit) are Node's EventEmitter in both; the shell's event names are checked by its own typecheck.
type AppMembers =
  | 'quit' | 'exit' | 'whenReady' | 'isReady' | 'isPackaged' | 'requestSingleInstanceLock'
  | 'releaseSingleInstanceLock' | 'hasSingleInstanceLock' | 'getPath' | 'getVersion' | 'getAppPath' | 'setAsDefaultProtocolClient' | 'setAppUserModelId'
type WebContentsMembers = 'id' | 'setWindowOpenHandler' | 'send' | 'isDestroyed' | 'loadURL' | 'reload' | 'getURL'
type WindowMembers =
  | 'loadURL' | 'isMinimized' | 'minimize' | 'restore' | 'show' | 'focus' | 'maximize' | 'isMaximized'
  | 'getNormalBounds' | 'isDestroyed' | 'close' | 'destroy'
export const electronTypeChecks = {
  app: app satisfies Pick<Electron.App, AppMembers>,
  webContents: null as unknown as WebContentsStandIn satisfies Pick<Electron.WebContents, WebContentsMembers>,
  frame: null as unknown as WebFrameMainStandIn satisfies Pick<Electron.WebFrameMain, 'url'>,
  window: null as unknown as BrowserWindowStandIn satisfies Pick<Electron.BrowserWindow, WindowMembers>,
  getAllWindows: BrowserWindowStandIn.getAllWindows satisfies () => Array<Pick<Electron.BrowserWindow, WindowMembers>>,
  protocol: protocol satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>,
  session: defaultSession satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  dialog: dialog satisfies Pick<Electron.Dialog, 'showErrorBox' | 'showMessageBoxSync' | 'showMessageBox'>,
  menu: (template: Parameters<typeof Electron.Menu.buildFromTemplate>[0]) => MenuStandIn.buildFromTemplate(template),
  shell: shell satisfies Pick<Electron.Shell, 'openExternal' | 'openPath'>,
  clipboard: clipboard satisfies Pick<Electron.Clipboard, 'writeText' | 'readText' | 'clear'>,
  notification: NotificationStandIn.isSupported satisfies typeof Electron.Notification.isSupported,
  crashReporter: crashReporter satisfies Pick<Electron.CrashReporter, 'start'>,
}
