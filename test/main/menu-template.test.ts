import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuHandlers } from '../../main/menu-template'

// Electron's MenuItemConstructorOptions, taken from the template's own type (tests never import electron).
type Item = ReturnType<typeof buildMenuTemplate>[number]
const handlers = () => ({
  connect: vi.fn<() => void>(),
  addKey: vi.fn<() => void>(),
  mintKey: vi.fn<() => void>(),
  refreshAll: vi.fn<() => void>(),
  openKeysPage: vi.fn<() => void>(),
  showCommandLineTool: vi.fn<() => void>(),
  checkForUpdates: vi.fn<() => void>(),
  setAutoUpdate: vi.fn<(enabled: boolean) => void>(),
  openLogsFolder: vi.fn<() => void>(),
  reportProblem: vi.fn<() => void>(),
  restartToUpdate: vi.fn<() => void>(),
}) satisfies MenuHandlers
const submenuOf = (template: Item[], name: string): Item[] => {
  const menu = template.find((item) => item.label === name || item.role === name)
  expect(menu, name).toBeDefined()
  return menu!.submenu as Item[]
}
const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
const click = (item: Item | undefined) => (item!.click as () => void)()

describe('application menu', () => {
  it('has the app menu on macOS only, then File, Edit, View, Window and Help', () => {
    const top = (platform: NodeJS.Platform) => buildMenuTemplate(handlers(), { isDev: false, platform, version: '1.2.3' }).map((item) => item.role ?? item.label)
    expect(top('darwin')).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help'])
    expect(top('linux')).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help'])
    expect(top('win32')).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help'])
  })

  it('runs each File command through its handler, with Quit (or Close Window on macOS) last', () => {
    const calls = handlers()
    const file = submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'linux', version: '1' }), 'File')
    const byLabel = (label: string) => file.find((item) => item.label === label)
    click(byLabel('Connect OpenRouter…'))
    click(byLabel('Add key…'))
    click(byLabel('New limited key…'))
    click(byLabel('Refresh all'))
    expect([calls.connect, calls.addKey, calls.mintKey, calls.refreshAll].map((fn) => fn.mock.calls)).toEqual([[[]], [[]], [[]], [[]]])
    expect(file.at(-1)?.role).toBe('quit')
    expect(submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'darwin', version: '1' }), 'File').at(-1)?.role).toBe('close')
  })

  it('gives Edit the standard roles, so copy and paste work on macOS', () => {
    const edit = submenuOf(buildMenuTemplate(handlers(), { isDev: false, platform: 'darwin', version: '1' }), 'Edit')
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => submenuOf(buildMenuTemplate(handlers(), { isDev, platform: 'linux', version: '1' }), 'View').map((item) => item.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']))
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('opens the OpenRouter keys page through the callback, and shows the version', () => {
    const calls = handlers()
    const help = submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'win32', version: '1.2.3' }), 'help')
    click(help.find((item) => item.label === 'OpenRouter keys page'))
    expect(calls.openKeysPage).toHaveBeenCalledTimes(1)
    expect(help.find((item) => item.label === 'Version 1.2.3')?.enabled).toBe(false)
    click(help.find((item) => item.label === 'Open logs folder'))
    click(help.find((item) => item.label === 'Report a problem…'))
    expect([calls.openLogsFolder, calls.reportProblem].map((fn) => fn.mock.calls)).toEqual([[[]], [[]]])
    expect(JSON.stringify(help)).not.toMatch(/https?:/) // no URL of its own: the caller owns the allowlisted opener
  })

  it('shows how to get the command-line tool from Help', () => {
    const calls = handlers()
    const help = submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'darwin', version: '1' }), 'help')
    click(help.find((item) => item.label === 'Command-line tool…'))
    expect(calls.showCommandLineTool).toHaveBeenCalledTimes(1)
  })

  it('never gives two items the same shortcut, in development or not', () => {
    for (const isDev of [false, true]) {
      const accelerators = flatten(buildMenuTemplate(handlers(), { isDev, platform: 'linux', version: '1' })).flatMap((item) => (item.accelerator ? [item.accelerator] : []))
      // Roles without an explicit accelerator keep Electron's default; reload's default (CmdOrCtrl+R) is taken by Refresh all.
      expect(new Set(accelerators).size, accelerators.join()).toBe(accelerators.length)
      expect(accelerators).toContain('CmdOrCtrl+R')
    }
    const reload = flatten(buildMenuTemplate(handlers(), { isDev: true, platform: 'linux', version: '1' })).find((item) => item.role === 'reload')
    expect(reload?.accelerator).toBeDefined() // an explicit one, so it cannot fall back to CmdOrCtrl+R
  })

  it('offers "Check for updates…" and the automatic-updates setting as a checkbox showing its current value', () => {
    const calls = handlers()
    for (const autoUpdate of [true, false]) {
      const help = submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'linux', version: '1', autoUpdate }), 'help')
      const setting = help.find((item) => item.label === 'Check for updates automatically')
      expect(setting).toMatchObject({ type: 'checkbox', checked: autoUpdate })
      // Electron flips the checkbox before calling click with the item: the handler gets the new value.
      ;(setting!.click as (item: { checked: boolean }) => void)({ checked: !autoUpdate })
    }
    expect(calls.setAutoUpdate.mock.calls).toEqual([[false], [true]])
    click(submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'darwin', version: '1' }), 'help').find((item) => item.label === 'Check for updates…'))
    expect(calls.checkForUpdates).toHaveBeenCalledTimes(1)
  })

  it('offers "Update ready — restart to install" only while an update is ready', () => {
    const calls = handlers()
    const labels = (updateReady: string | null) =>
      submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'linux', version: '1', updateReady }), 'help').map((item) => item.label)
    expect(labels(null).filter((label) => label?.startsWith('Update ready'))).toEqual([])
    const help = submenuOf(buildMenuTemplate(calls, { isDev: false, platform: 'linux', version: '1', updateReady: '1.4.0' }), 'help')
    click(help.find((item) => item.label === 'Update ready — restart to install 1.4.0'))
    expect(calls.restartToUpdate).toHaveBeenCalledTimes(1)
  })
})
