// Crash handling (core/diagnostics/crash-policy.ts decides): crash dumps stay on this machine; a renderer or
// child process that goes away is logged and the window reloaded once, then a page offers Reload and Open logs
// folder; an uncaught error in main is logged every time and shown once.
import { app, crashReporter, dialog, type BrowserWindow } from 'electron'
import type { Logger } from './core/base/logger'
import { redact } from './core/base/logger'
import { crashPageActionOf, crashPageUrl } from './core/diagnostics/crash-page'
import { createCrashPolicy, type CrashPolicy, type GoneReason } from './core/diagnostics/crash-policy'

// Compile-time: the core's reasons are Electron's, so a new reason in an Electron upgrade fails the typecheck.
type ElectronGoneReason = Electron.RenderProcessGoneDetails['reason'] | Electron.Details['reason']
const _sameReasons: [ElectronGoneReason, GoneReason] extends [GoneReason, ElectronGoneReason] ? true : never = true
void _sameReasons

/** As early as possible, before ready: dumps are written to app.getPath('crashDumps') and never uploaded. */
export function startCrashReporter(): void {
  crashReporter.start({ uploadToServer: false })
}

export interface CrashHandlingOptions {
  logger: Logger
  /** The window to reload, if it exists. */
  mainWindow: () => BrowserWindow | null
  /** Loads the app's own page into the window again. */
  reloadApp: (window: BrowserWindow) => void
  openLogsFolder: () => void
  /** Where uncaught errors arrive (the process; an emitter in tests). */
  processEvents: Pick<NodeJS.EventEmitter, 'on'>
  logFile: () => string | null
  policy?: CrashPolicy
}

export interface CrashHandling {
  /** Call for the main window once it exists: watches its renderer and serves its crash page's links. */
  watchWindow(window: BrowserWindow): void
}

export function handleCrashes(options: CrashHandlingOptions): CrashHandling {
  const policy = options.policy ?? createCrashPolicy()

  const recover = (reason: GoneReason) => {
    const window = options.mainWindow()
    if (!window || window.isDestroyed()) return
    const action = policy.processGone(reason)
    if (action === 'reload') options.reloadApp(window)
    else if (action === 'show-crash-page') void window.loadURL(crashPageUrl())
  }

  app.on('child-process-gone', (_event, details) => {
    options.logger.error('a child process went away', { type: details.type, reason: details.reason, exitCode: details.exitCode })
    // GPU and utility processes restart by themselves; the window may be left blank, so it is reloaded like a renderer.
    recover(details.reason)
  })

  const onMainError = (kind: string) => (error: unknown) => {
    options.logger.error(kind, { error })
    if (!policy.mainError()) return
    const logFile = options.logFile()
    const text = redact(error instanceof Error ? error.message : String(error))
    const detail = `${text}\n\nThe app keeps running.${logFile ? ` Details are in the log: ${logFile}` : ''}`
    if (!app.isReady()) {
      dialog.showErrorBox('OpenRouter Key Manager: something went wrong', detail)
      return
    }
    void dialog
      .showMessageBox({ type: 'error', title: 'OpenRouter Key Manager', message: 'Something went wrong in OpenRouter Key Manager.', detail, buttons: ['OK', 'Open logs folder'], defaultId: 0, cancelId: 0 })
      .then(({ response }) => {
        if (response === 1) options.openLogsFolder()
      })
  }
  options.processEvents.on('uncaughtException', onMainError('uncaught error in main'))
  options.processEvents.on('unhandledRejection', onMainError('unhandled rejection in main'))

  return {
    watchWindow(window) {
      window.webContents.on('render-process-gone', (_event, details) => {
        options.logger.error('the window’s renderer went away', { reason: details.reason, exitCode: details.exitCode })
        recover(details.reason)
      })
      window.webContents.on('will-navigate', (event, url) => {
        const action = crashPageActionOf(url)
        if (action === null) return
        event.preventDefault()
        if (action === 'reload') options.reloadApp(window)
        else options.openLogsFolder()
      })
    },
  }
}
