// The application menu: the app's commands, and the standard Edit roles so copy and paste work on macOS.
import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuHandlers {
  connect(): void
  addKey(): void
  mintKey(): void
  refreshAll(): void
  openKeysPage(): void
}

export function buildApplicationMenu(handlers: MenuHandlers, options: { isDev: boolean }): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Connect OpenRouter…', accelerator: 'CmdOrCtrl+N', click: handlers.connect },
        { label: 'Add key…', accelerator: 'CmdOrCtrl+Shift+A', click: handlers.addKey },
        { label: 'New limited key…', accelerator: 'CmdOrCtrl+Shift+N', click: handlers.mintKey },
        { type: 'separator' },
        { label: 'Refresh all', accelerator: 'CmdOrCtrl+R', click: handlers.refreshAll },
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
        ...(options.isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'OpenRouter keys page', click: handlers.openKeysPage }, { label: `Version ${app.getVersion()}`, enabled: false }] },
  ]
  return Menu.buildFromTemplate(template)
}
