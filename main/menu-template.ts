// The application menu as data: the app's commands, the standard Edit roles (without them copy and paste
// do nothing on macOS), and developer tools only in development. Electron is imported for types only, so
// this runs under plain Node in tests; main/menu.ts turns it into a Menu.
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuHandlers {
  connect(): void
  addKey(): void
  mintKey(): void
  refreshAll(): void
  /** Opens OpenRouter's keys page; the caller owns the URL and the allowlisted opener. */
  openKeysPage(): void
  /** Shows how to install `orkm`, the command-line companion (the installed app cannot run it itself). */
  showCommandLineTool(): void
  /** "Check for updates…": a check whose outcome is shown to the person who asked. */
  checkForUpdates(): void
  /** The "Check for updates automatically" setting, as the checkbox now reads. */
  setAutoUpdate(enabled: boolean): void
  openLogsFolder(): void
  /** Opens the project's issue form with the version, OS and Electron version filled in. */
  reportProblem(): void
  /** "Update ready — restart to install": main decides whether a restart is allowed now. */
  restartToUpdate(): void
}

export interface MenuOptions {
  isDev: boolean
  platform: NodeJS.Platform
  version: string
  /** The autoUpdate setting when the menu is built (on unless said); the checkbox keeps its own state after that. */
  autoUpdate?: boolean
  /** The version of a downloaded update waiting for a restart, if any (the menu is rebuilt when it changes). */
  updateReady?: string | null
}

export function buildMenuTemplate(handlers: MenuHandlers, options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin'
  // Handlers are called without Electron's (menuItem, window, event) arguments.
  const run = (handler: () => void) => () => handler()
  return [
    // macOS: About, Services, Hide and Quit live in the menu named after the app.
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Connect OpenRouter…', accelerator: 'CmdOrCtrl+N', click: run(handlers.connect) },
        { label: 'Add key…', accelerator: 'CmdOrCtrl+Shift+A', click: run(handlers.addKey) },
        { label: 'New limited key…', accelerator: 'CmdOrCtrl+Shift+N', click: run(handlers.mintKey) },
        { type: 'separator' },
        { label: 'Refresh all', accelerator: 'CmdOrCtrl+R', click: run(handlers.refreshAll) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [
        // Reload moves off CmdOrCtrl+R, which refreshes the keys.
        ...(options.isDev
          ? [{ role: 'reload' as const, accelerator: 'CmdOrCtrl+Shift+R' }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'OpenRouter keys page', click: run(handlers.openKeysPage) },
        { label: 'Command-line tool…', click: run(handlers.showCommandLineTool) },
        { type: 'separator' },
        ...(options.updateReady ? [{ label: `Update ready — restart to install ${options.updateReady}`, click: run(handlers.restartToUpdate) }] : []),
        { label: 'Check for updates…', click: run(handlers.checkForUpdates) },
        {
          label: 'Check for updates automatically',
          type: 'checkbox',
          checked: options.autoUpdate ?? true,
          click: (item: { checked: boolean }) => handlers.setAutoUpdate(item.checked),
        },
        { type: 'separator' },
        { label: 'Open logs folder', click: run(handlers.openLogsFolder) },
        { label: 'Report a problem…', click: run(handlers.reportProblem) },
        { type: 'separator' },
        { label: `Version ${options.version}`, enabled: false },
      ],
    },
  ]
}
