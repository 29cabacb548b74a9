// The application menu (built as data in menu-template.ts).
import { app, Menu } from 'electron'
import { buildMenuTemplate, type MenuHandlers } from './menu-template'

export type { MenuHandlers }

export function buildApplicationMenu(handlers: MenuHandlers, options: { isDev: boolean; autoUpdate: boolean; updateReady: string | null }): Menu {
  return Menu.buildFromTemplate(buildMenuTemplate(handlers, { ...options, platform: process.platform, version: app.getVersion() }))
}
