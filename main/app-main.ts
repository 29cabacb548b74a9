// The Electron shell's start-up sequence, as a function of its surroundings so tests can drive it against a
// recording stand-in of `electron` (test/electron-stand-in). All decisions live in main/core; this file wires.
//
// Order: refuse debugging switches → crash reporter → single-instance lock → (before ready) protocol privileges,
// deep links, app events → (ready) configuration → data folder → services + keychain module → menu → window.
import type { AppUpdater } from 'electron-updater'
import { app, clipboard, dialog, Menu, shell, type BrowserWindow, type WebContents } from 'electron'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { arch, release } from 'node:os'
import { createAppServices, logFileOf, type AppServices } from './core/app/app-services'
import { APP_PROTOCOL_ORIGIN } from './core/app/app-protocol'
import { CLI_INSTALL_COMMAND, commandLineToolHelp } from './core/app/command-line-tool'
import { environmentFor, loadConfig } from './core/app/config'
import { checkDebugSwitches, isE2ETestBuild } from './core/app/debug-switches'
import type { InstanceDecision } from './core/app/single-instance'
import { describeStartupFailure, StartupError, type StartupStep } from './core/app/startup-failure'
import { createFileLogger, redact, type Logger } from './core/base/logger'
import type { ExternalOpener } from './core/base/ports'
import { METADATA_FILE_NAME } from './core/keys/metadata-store'
import { reportProblemUrl } from './core/diagnostics/report-problem'
import { externalUrlToOpen, isTrustedRendererUrl } from './core/ipc/trusted-sender'
import { createElectronOpener, electronClipboard, electronNotifier, externalTestWindows } from './adapters/electron-host'
import { APP_ID } from './app-identity'
import { handleAppProtocol, registerAppProtocolPrivileges } from './app-protocol'
import { handleCrashes, startCrashReporter } from './crash-handling'
import { registerDeepLinks } from './deep-link-electron'
import { registerIpc, sendEvent } from './ipc'
import { buildApplicationMenu } from './menu'
import { createMainWindow, hardenSessions, hardenWebContents } from './window'
import { restoreWindowState, trackWindowState } from './window-state-tracker'
import { isSelfTestRun } from './core/self-test/self-test'
import { runSelfTestAndExit } from './self-test'
import { checkForUpdatesFromMenu, restartToUpdateFromMenu, startUpdates, updateAdapters } from './updater'

export interface ShellSurroundings {
  argv: readonly string[]
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  /** The built renderer (out/renderer) and preload (out/preload/index.cjs). */
  rendererDir: string
  preloadPath: string
  /** The app's own package.json as packaged (null if unreadable): it carries the e2e test build's marker. */
  packageJson: unknown
  /** package.json homepage: "Report a problem" opens its issues page. */
  homepage: string
  /** Where uncaught errors and the start-up failure's text go (the process in production). */
  processEvents: Pick<NodeJS.EventEmitter, 'on'>
  stderr: { write(text: string): unknown }
  createServices?: typeof createAppServices
  /** Loads the native keychain module, so a broken install fails at start-up rather than at the first save. */
  loadKeychainModule: () => Promise<unknown>
  /** Loads electron-updater's autoUpdater (it requires `electron` itself, so it is handed in; absent: no updates). */
  loadUpdater?: () => Promise<AppUpdater>
}

export type StartOutcome = 'started' | 'refused' | 'second-instance' | 'failed' | 'self-test'

export interface ShellHandle {
  /** Settles once start-up has finished, one way or another. */
  readonly outcome: Promise<StartOutcome>
}

const TITLE = 'OpenRouter Key Manager'

export function startApp(surroundings: ShellSurroundings): ShellHandle {
  const { argv, platform } = surroundings
  const createServices = surroundings.createServices ?? createAppServices

  // 1. An installed app refuses debugging switches before anything else runs.
  const verdict = checkDebugSwitches(argv, { isPackaged: app.isPackaged, isE2ETestBuild: isE2ETestBuild(surroundings.packageJson), platform })
  if (!verdict.allowed) {
    surroundings.stderr.write(`${verdict.message}\n`)
    dialog.showErrorBox(TITLE, verdict.message)
    app.exit(2)
    return { outcome: Promise.resolve('refused') }
  }

  // 2. Crash dumps stay local; started before anything else can crash.
  startCrashReporter()

  // A `--self-test` run (packaged builds too) checks this build's keychain module and renderer, prints one line per
  // check and exits: no window, no lock, no deep links.
  if (isSelfTestRun(argv)) {
    registerAppProtocolPrivileges()
    runSelfTestAndExit()
    return { outcome: Promise.resolve('self-test') }
  }

  // 3. One instance owns the window, the listener and the store: another launch hands over and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return { outcome: Promise.resolve('second-instance') }
  }

  // An installed app ignores development-only variables (another API host, another renderer, test windows).
  const environment = environmentFor(surroundings.env, app.isPackaged)
  const devRendererUrl = environment['ELECTRON_RENDERER_URL']
  const rendererUrl = devRendererUrl ?? `${APP_PROTOCOL_ORIGIN}/index.html`
  const rendererOrigins = [devRendererUrl ? new URL(devRendererUrl).origin : APP_PROTOCOL_ORIGIN]

  let mainWindow: BrowserWindow | null = null
  let services: AppServices | null = null
  let pendingDecision: InstanceDecision | null = null
  let externalOpener: ExternalOpener | null = null
  let dataDir: string | null = null
  let logFile: string | null = null
  // Lines go to stderr until the data folder is known, then to logs/main.log.
  const stderrLogger = createStderrLogger(surroundings.stderr)
  let currentLogger: Logger = stderrLogger
  const logger: Logger = {
    info: (message, details) => currentLogger.info(message, details),
    warn: (message, details) => currentLogger.warn(message, details),
    error: (message, details) => currentLogger.error(message, details),
  }
  const openLogsFolder = () => {
    if (!logFile) return
    const folder = dirname(logFile)
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    void shell.openPath(folder)
  }

  /** Help → Command-line tool…: the install command, with a button that copies it. */
  const showCommandLineTool = async () => {
    const options = { type: 'info' as const, buttons: ['Copy install command', 'Close'], defaultId: 0, cancelId: 1, ...commandLineToolHelp() }
    const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)
    if (response === 0) clipboard.writeText(CLI_INSTALL_COMMAND)
  }

  const focusMainWindow = () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  }

  /** Another launch or a link: come forward, then run the link's action once the services exist. */
  const onInstanceDecision = (decision: InstanceDecision) => {
    focusMainWindow()
    if (decision.rejected) logger.warn('refused a deep link', { reason: decision.rejected })
    if (!services) {
      pendingDecision = decision
      return
    }
    // A link never starts work: it opens the connect form, prefilled; the browser opens when the person continues.
    if (decision.action?.kind === 'connect') services.requestConnect(decision.action.limit)
  }

  // 4. Before ready: Windows' app id, the app:// privileges, deep links, hardening of every web contents.
  if (platform === 'win32') app.setAppUserModelId(APP_ID)
  registerAppProtocolPrivileges()
  const firstDecision = registerDeepLinks({ argv, onDecision: onInstanceDecision })
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(
      contents,
      (url) => externalTestWindows.has(contents) || isTrustedRendererUrl(url, rendererOrigins),
      // Links with target=_blank (the management-keys page) open in the browser, on OpenRouter's origin only.
      (url) => void externalOpener?.openExternal(url).catch((error: unknown) => logger.warn('refused to open a link', { error })),
    ),
  )
  const crashes = handleCrashes({
    logger,
    mainWindow: () => mainWindow,
    reloadApp: (window) => void window.loadURL(rendererUrl),
    openLogsFolder,
    processEvents: surroundings.processEvents,
    logFile: () => logFile,
  })
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  let shutDown = false
  let shuttingDown = false
  app.on('before-quit', (event) => {
    if (shutDown || !services) return
    // Close the listener, clear a copied key from the clipboard and finish the key list file's writes before the
    // process goes (once).
    event.preventDefault()
    if (shuttingDown) return
    shuttingDown = true
    void services
      .shutdown()
      .catch((error: unknown) => logger.error('shutting down failed', { error }))
      .finally(() => {
        shutDown = true
        app.quit()
      })
  })

  const step = async <T>(name: StartupStep, run: () => T | Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw new StartupError(name, error)
    }
  }

  /** 5. After ready. Any failure ends in failStartup: a dialog naming the file and the fix, a log line, exit. */
  const start = async (): Promise<void> => {
    const config = await step('configuration', () => loadConfig(environment))
    const folder = config.dataDir ?? app.getPath('userData')
    dataDir = folder
    logFile = logFileOf(folder)
    await step('data folder', () => mkdirSync(folder, { recursive: true, mode: 0o700 }))
    currentLogger = createFileLogger(logFile)
    hardenSessions()
    handleAppProtocol(surroundings.rendererDir)

    const opener = createElectronOpener([config.openRouterOrigin], { openInAppWindow: environment['ORKM_E2E_EXTERNAL_IN_WINDOW'] === '1' })
    externalOpener = opener
    const updates = await step('services', () => updateAdapters(surroundings.loadUpdater))
    const [appServices] = await Promise.all([
      step('services', () => createServices({ ...config, dataDir: folder }, { opener, clipboard: electronClipboard, notifier: electronNotifier, logger, updates })),
      step('keychain module', surroundings.loadKeychainModule),
    ])
    services = appServices
    const isAppWebContents = (contents: WebContents) => mainWindow !== null && contents === mainWindow.webContents
    registerIpc({ dispatch: appServices.dispatch, trustedOrigins: rendererOrigins, isAppWebContents, logger })
    appServices.onEvent((channel, payload) => {
      if (mainWindow) sendEvent(mainWindow.webContents, channel, payload)
    })

    const sendMenuCommand = (command: 'connect' | 'refresh-all' | 'add-key' | 'mint-key') => {
      focusMainWindow()
      if (mainWindow) sendEvent(mainWindow.webContents, 'menu:command', command)
    }
    const issuesOrigin = new URL(surroundings.homepage).origin
    // Rebuilt when an update becomes ready, to offer the restart there too.
    const applyMenu = () =>
    Menu.setApplicationMenu(
      buildApplicationMenu(
        {
          connect: () => sendMenuCommand('connect'),
          addKey: () => sendMenuCommand('add-key'),
          mintKey: () => sendMenuCommand('mint-key'),
          refreshAll: () => sendMenuCommand('refresh-all'),
          openKeysPage: () => void opener.openExternal(`${config.openRouterOrigin}/keys`).catch(() => {}),
          showCommandLineTool: () => void showCommandLineTool(),
          checkForUpdates: () => void checkForUpdatesFromMenu(appServices, mainWindow),
          setAutoUpdate: (autoUpdate) => void appServices.dispatch('settings:update', [{ autoUpdate }]),
          restartToUpdate: () => void restartToUpdateFromMenu(appServices, mainWindow),
          openLogsFolder,
          reportProblem: () => {
            const url = reportProblemUrl({
              homepage: surroundings.homepage,
              appVersion: app.getVersion(),
              platform,
              osRelease: release(),
              arch: arch(),
              electronVersion: process.versions.electron ?? 'unknown',
            })
            const href = externalUrlToOpen(url, [issuesOrigin])
            if (href !== null) void shell.openExternal(href).catch(() => {})
          },
        },
        {
          isDev: devRendererUrl !== undefined,
          autoUpdate: appServices.keys.list().settings.autoUpdate,
          updateReady: appServices.updates.current.kind === 'ready' ? appServices.updates.current.version : null,
        },
      ),
    )
    applyMenu()
    appServices.updates.onChange(applyMenu)


    const windowState = await step('window', () => restoreWindowState(folder))
    const window = await step('window', () =>
      createMainWindow({ preloadPath: surroundings.preloadPath, rendererUrl, bounds: windowState.bounds }),
    )
    mainWindow = window
    if (windowState.isMaximized) window.maximize()
    trackWindowState(window, folder)
    crashes.watchWindow(window)
    window.on('close', (event) => {
      // Closing now would lose a key that exists nowhere else yet (held unsaved, or mid-exchange).
      if (!services?.connect.hasWorkAtRisk()) return
      const choice = dialog.showMessageBoxSync(window, {
        type: 'warning',
        buttons: ['Stay', 'Quit anyway'],
        defaultId: 0,
        cancelId: 0,
        message: 'A new key is not saved yet.',
        detail: 'Save it again or copy it first: once the app closes it is gone from this device (it still exists on OpenRouter).',
      })
      if (choice === 0) event.preventDefault()
    })
    window.on('closed', () => {
      mainWindow = null
    })
    onInstanceDecision(pendingDecision ?? firstDecision)
    pendingDecision = null
    // 6. Background services that need the window (updates) start here.
    startUpdates(appServices)
  }

  const failStartup = (error: unknown) => {
    const report = describeStartupFailure(error, { dataDir, keyListFile: dataDir === null ? null : join(dataDir, METADATA_FILE_NAME), logFile, platform })
    // Both: the log file may be the very thing that cannot be written.
    logger.error('start-up failed', report.log)
    if (currentLogger !== stderrLogger) stderrLogger.error('start-up failed', report.log)
    dialog.showErrorBox(TITLE, `${report.message}\n\n${report.detail}`)
    // Exit, not quit: no window may outlive a failed start, and the next launch must get the lock.
    app.releaseSingleInstanceLock()
    app.exit(1)
  }

  const outcome = app.whenReady().then(start).then(
    (): StartOutcome => 'started',
    (error: unknown): StartOutcome => {
      failStartup(error)
      return 'failed'
    },
  )
  return { outcome }
}

function createStderrLogger(stderr: { write(text: string): unknown }): Logger {
  const write = (level: string) => (message: string, details?: Record<string, unknown>) => {
    let suffix: string
    try {
      suffix = details === undefined ? '' : ` ${JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value))}`
    } catch {
      suffix = ' [unserialisable]'
    }
    stderr.write(`${redact(`${new Date().toISOString()} ${level} ${message}${suffix}`)}\n`)
  }
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR') }
}
