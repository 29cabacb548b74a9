// The Electron shell (main/app-main.ts and the main/*.ts files it wires) run under Node against the recording
// stand-in of `electron` (test/electron-stand-in), with the real services, real files and the real keychain.
import { EventEmitter } from 'node:events'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startApp, type ShellSurroundings, type StartOutcome } from '../../main/app-main'
import { createAppServices, type AppServices } from '../../main/core/app/app-services'
import { INVOKE_CHANNELS } from '../../preload/contract'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  StandInEvent,
  standIn,
  WebContentsStandIn,
  WebFrameMainStandIn,
  type BrowserWindowStandIn,
} from '../electron-stand-in'
import { purgeKeychainService, uniqueKeychainService } from '../support/keychain'
import { makeTempDir } from '../support/temp-dir'

const HOMEPAGE = 'https://github.com/openrouter-key-manager/openrouter-key-manager'
const OPENROUTER = 'http://127.0.0.1:9/api/v1' // never called by these tests: no request is made without a key

interface Started {
  outcome: Promise<StartOutcome>
  processEvents: EventEmitter
  stderr: string[]
  services: () => AppServices
  window: () => BrowserWindowStandIn
}

let temp: { path: string; remove(): Promise<void> }
let keychainService: string
let running: AppServices[] = []

beforeEach(async () => {
  standIn.reset()
  temp = await makeTempDir('orkm-shell-')
  keychainService = uniqueKeychainService()
  app.paths = { userData: join(temp.path, 'user-data'), appPath: temp.path }
})

afterEach(async () => {
  await Promise.all(running.map((services) => services.shutdown()))
  running = []
  await purgeKeychainService(keychainService)
  await temp.remove()
  standIn.reset()
})

function launch(overrides: Partial<ShellSurroundings> & { extraEnv?: Record<string, string> } = {}): Started {
  const processEvents = new EventEmitter()
  const stderr: string[] = []
  let services: AppServices | null = null
  const { extraEnv, ...rest } = overrides
  const handle = startApp({
    argv: ['/opt/orkm/openrouter-key-manager'],
    env: {
      ORKM_DATA_DIR: join(temp.path, 'data'),
      ORKM_KEYCHAIN_SERVICE: keychainService,
      OPENROUTER_BASE_URL: OPENROUTER,
      ORKM_CALLBACK_PORT: '0',
      ...extraEnv,
    },
    platform: 'linux',
    rendererDir: join(temp.path, 'renderer'),
    preloadPath: join(temp.path, 'preload/index.cjs'),
    packageJson: { name: 'openrouter-key-manager' },
    homepage: HOMEPAGE,
    processEvents,
    stderr: { write: (text: string) => stderr.push(text) },
    loadKeychainModule: async () => {},
    createServices: async (...args) => {
      services = await createAppServices(...args)
      running.push(services)
      return services
    },
    ...rest,
  })
  return {
    outcome: handle.outcome,
    processEvents,
    stderr,
    services: () => services ?? expect.fail('services were not created'),
    window: () => BrowserWindow.getAllWindows()[0] ?? expect.fail('no window'),
  }
}

async function launchReady(overrides: Parameters<typeof launch>[0] = {}): Promise<Started> {
  const started = launch(overrides)
  standIn.becomeReady()
  expect(await started.outcome).toBe('started')
  return started
}

const errorBoxes = () => standIn.callsTo('dialog.showErrorBox').map((call) => call.args.join('\n'))

describe('start-up order', () => {
  it('registers the app:// privileges, the crash reporter and the deep-link scheme before ready, and creates the window after', async () => {
    launch()
    const privileges = standIn.callsTo('protocol.registerSchemesAsPrivileged')
    expect(privileges).toHaveLength(1)
    expect(privileges[0]!.beforeReady).toBe(true)
    expect(privileges[0]!.args[0]).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(standIn.callsTo('crashReporter.start')).toEqual([{ api: 'crashReporter.start', args: [{ uploadToServer: false }], beforeReady: true }])
    expect(standIn.callsTo('app.setAsDefaultProtocolClient')[0]?.args[0]).toBe('openrouter-key-manager')
    expect(BrowserWindow.getAllWindows()).toEqual([])

    standIn.becomeReady()
    expect(await windowCountOnceStarted()).toBe(1)
    const window = BrowserWindow.getAllWindows()[0]!
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
    expect(window.webContents.loadedUrls).toEqual(['app://bundle/index.html'])
    expect(standIn.callsTo('protocol.handle').map((call) => [call.args[0], call.beforeReady])).toEqual([['app', false]])
  })

  it('a second instance quits at once: no window, no protocol, no services', async () => {
    app.lockHeldElsewhere = true
    const started = launch()
    expect(await started.outcome).toBe('second-instance')
    standIn.becomeReady()
    await Promise.resolve()
    expect(standIn.callsTo('app.quit')).toHaveLength(1)
    expect(standIn.callsTo('protocol.registerSchemesAsPrivileged')).toEqual([])
    expect(BrowserWindow.getAllWindows()).toEqual([])
    expect(running).toEqual([])
  })

  it('the running instance comes forward for a second launch; a link that arrived before ready opens the connect form, never the browser', async () => {
    const started = launch({ argv: ['/opt/orkm/openrouter-key-manager', 'openrouter-key-manager://connect?limit=5'] })
    standIn.becomeReady()
    await started.outcome
    // The link that launched the app waited for the services and the window, then asked the window to show the
    // connect form, prefilled (issue 11, finding 6): nothing is started and no browser opens until the person continues.
    const window = started.window()
    expect(window.webContents.sent.filter((message) => message.channel === 'connect:requested')).toEqual([
      { channel: 'connect:requested', args: [{ source: 'link', limit: 5 }] },
    ])
    expect(standIn.callsTo('shell.openExternal')).toEqual([])

    window.minimize()
    app.emit('second-instance', new StandInEvent(), ['/opt/orkm/openrouter-key-manager', 'openrouter-key-manager://evil?x=1'], '/')
    expect([window.isMinimized(), window.visible, window.focused]).toEqual([false, true, true])
    expect(await readFile(join(temp.path, 'data/logs/main.log'), 'utf8')).toMatch(/refused a deep link/)
  })
})

describe('hardening', () => {
  it('denies every permission request and check', async () => {
    await launchReady()
    const granted: boolean[] = []
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as Electron.WebContents
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'] as const) {
      session.defaultSession.permissionRequestHandler!(contents, permission, (answer) => granted.push(answer), { requestingUrl: 'app://bundle/', isMainFrame: true })
    }
    expect(granted).toEqual([false, false, false, false])
    expect(session.defaultSession.permissionCheckHandler!(contents, 'media', 'app://bundle', { isMainFrame: true, requestingUrl: 'app://bundle/' })).toBe(false)
  })

  it('blocks navigation and redirects off the app, new windows and webviews, in every web contents', async () => {
    await launchReady()
    const other = new WebContentsStandIn() // any web contents the app ever creates is hardened on creation
    for (const contents of [BrowserWindow.getAllWindows()[0]!.webContents, other]) {
      const fire = (name: string, url?: string) => {
        const event = new StandInEvent()
        contents.emit(name, event, url)
        return event.defaultPrevented
      }
      expect(fire('will-navigate', 'https://evil.example/')).toBe(true)
      expect(fire('will-redirect', 'https://evil.example/')).toBe(true)
      expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
      expect(fire('will-navigate', 'app://bundle/index.html')).toBe(false)
      expect(fire('will-attach-webview')).toBe(true)
      expect(contents.windowOpenHandler!({ url: 'app://bundle/index.html' } as Electron.HandlerDetails)).toEqual({ action: 'deny' })
    }
    // A target=_blank link never opens a window in the app; one on OpenRouter's origin (the management-keys page)
    // opens in the browser instead, and nothing else does.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    for (const url of ['http://127.0.0.1:9/settings/management-keys', 'https://evil.example/settings/management-keys', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url } as Electron.HandlerDetails)).toEqual({ action: 'deny' })
    }
    await expect.poll(() => standIn.callsTo('shell.openExternal').map((call) => String(call.args[0]))).toEqual(['http://127.0.0.1:9/settings/management-keys'])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(standIn.callsTo('shell.openExternal')).toHaveLength(1)
  })

  it('answers IPC only from the app window’s top frame on the app’s origin', async () => {
    const started = await launchReady()
    const window = started.window()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame }
    expect(await ipcMain.invoke('keys:list', trusted)).toMatchObject({ ok: true })

    const refused = { ok: false, error: { code: 'invalid-argument', message: 'Request refused.' } }
    const otherWindow = new BrowserWindow({})
    await otherWindow.loadURL('app://bundle/index.html')
    expect(await ipcMain.invoke('keys:list', { sender: otherWindow.webContents, senderFrame: otherWindow.webContents.mainFrame })).toEqual(refused)
    expect(await ipcMain.invoke('keys:list', { sender: window.webContents, senderFrame: new WebFrameMainStandIn('app://bundle/index.html') })).toEqual(refused)
    expect(await ipcMain.invoke('keys:list', { sender: window.webContents, senderFrame: null })).toEqual(refused)
    await window.loadURL('https://evil.example/')
    expect(await ipcMain.invoke('keys:list', trusted)).toEqual(refused)
    expect(await readFile(join(temp.path, 'data/logs/main.log'), 'utf8')).toMatch(/refused IPC from an untrusted sender/)
  })
})

describe('quitting', () => {
  it('before-quit shuts the services down exactly once, then the app quits', async () => {
    const started = await launchReady()
    const services = started.services()
    let shutdowns = 0
    let finish: () => void = () => {}
    const original = services.shutdown.bind(services)
    const gate = new Promise<void>((resolve) => (finish = resolve))
    services.shutdown = () => {
      shutdowns += 1
      return gate.then(original) // held open, so the second Quit arrives while the first is shutting down
    }
    app.quit()
    app.quit() // a second Quit while the first is still shutting down
    expect(app.quitted).toBe(false)
    expect(shutdowns).toBe(1)
    finish()
    await expect.poll(() => app.quitted).toBe(true)
    expect(shutdowns).toBe(1)
    expect(BrowserWindow.getAllWindows()).toEqual([])
  })

  it('closing with an unsaved key asks: Stay keeps the window, Quit anyway closes it', async () => {
    const started = await launchReady()
    const window = started.window()
    started.services().connect.holdUnsavedKey('sk-or-v1-' + 'a'.repeat(64), null, 'held', new Error('keychain locked'))
    dialog.responses = [0] // Stay
    expect(window.close()).toBe(false)
    expect(standIn.callsTo('dialog.showMessageBoxSync')[0]!.args[0]).toMatchObject({ message: 'A new key is not saved yet.', buttons: ['Stay', 'Quit anyway'] })
    expect(window.isDestroyed()).toBe(false)
    dialog.responses = [1] // Quit anyway
    expect(window.close()).toBe(true)
    expect(window.isDestroyed()).toBe(true)
  })

  it('closing with nothing at risk does not ask', async () => {
    const started = await launchReady()
    expect(started.window().close()).toBe(true)
    expect(standIn.callsTo('dialog.showMessageBoxSync')).toEqual([])
  })
})

/** The number of windows once the first one exists. */
async function windowCountOnceStarted(): Promise<number> {
  await expect.poll(() => BrowserWindow.getAllWindows().length).toBeGreaterThan(0)
  return BrowserWindow.getAllWindows().length
}

describe('a failed start-up shows what failed and exits, holding nothing', () => {
  const expectExitedWithoutWindow = () => {
    expect(app.exitCode).toBe(1)
    expect(standIn.callsTo('app.releaseSingleInstanceLock')).toHaveLength(1)
    expect(app.hasSingleInstanceLock()).toBe(false)
    expect(BrowserWindow.getAllWindows()).toEqual([])
  }

  it('keys.json that cannot be read (a folder where the file should be)', async () => {
    const dataDir = join(temp.path, 'data')
    await mkdir(join(dataDir, 'keys.json'), { recursive: true })
    const started = launch()
    standIn.becomeReady()
    expect(await started.outcome).toBe('failed')
    expectExitedWithoutWindow()
    expect(errorBoxes()).toHaveLength(1)
    expect(errorBoxes()[0]).toContain(`File: ${join(dataDir, 'keys.json')}`)
    expect(errorBoxes()[0]).toMatch(/Move or rename the folder/)
    const log = await readFile(join(dataDir, 'logs/main.log'), 'utf8')
    expect(log).toMatch(/ERROR start-up failed .*"step":"services".*"errno":"EISDIR"/)
    expect(started.stderr.join('')).toMatch(/start-up failed .*EISDIR/)
  })

  it.skipIf(process.getuid?.() === 0)('keys.json owned by another user (unreadable)', async () => {
    const dataDir = join(temp.path, 'data')
    await mkdir(dataDir, { recursive: true })
    await writeFile(join(dataDir, 'keys.json'), '{"version":1,"keys":[]}')
    await chmod(join(dataDir, 'keys.json'), 0o000)
    const started = launch()
    standIn.becomeReady()
    expect(await started.outcome).toBe('failed')
    expectExitedWithoutWindow()
    expect(errorBoxes()[0]).toContain(`File: ${join(dataDir, 'keys.json')}`)
    expect(errorBoxes()[0]).toMatch(/sudo chown -R/)
  })

  it('a data folder that is a file', async () => {
    const dataDir = join(temp.path, 'data')
    await writeFile(dataDir, 'not a folder')
    const started = launch()
    standIn.becomeReady()
    expect(await started.outcome).toBe('failed')
    expectExitedWithoutWindow()
    expect(errorBoxes()[0]).toContain(`Folder: ${dataDir}`)
    expect(errorBoxes()[0]).toMatch(/Move or rename that file/)
    // The log file cannot exist inside a file: the failure went to stderr.
    expect(started.stderr.join('')).toMatch(/start-up failed .*"step":"data folder"/)
    expect(running).toEqual([])
  })

  it('a keychain module that will not load (a damaged keytar.node)', async () => {
    const broken = join(temp.path, 'keytar.node')
    await writeFile(broken, 'this is not a shared library')
    const started = launch({ loadKeychainModule: async () => createRequire(import.meta.url)(broken) })
    standIn.becomeReady()
    expect(await started.outcome).toBe('failed')
    expectExitedWithoutWindow()
    expect(errorBoxes()[0]).toMatch(/could not load its keychain module/)
    expect(errorBoxes()[0]).toContain(`File: ${broken}`)
    expect(errorBoxes()[0]).toMatch(/sudo apt-get install libsecret-1-0/)
    expect(await readFile(join(temp.path, 'data/logs/main.log'), 'utf8')).toMatch(/start-up failed .*"step":"keychain module"/)
  })

  it('an invalid configuration', async () => {
    const started = launch({ extraEnv: { OPENROUTER_BASE_URL: 'http://evil.example/api/v1' } })
    standIn.becomeReady()
    expect(await started.outcome).toBe('failed')
    expectExitedWithoutWindow()
    expect(errorBoxes()[0]).toMatch(/OPENROUTER_BASE_URL: must be https/)
  })
})

describe('debugging switches', () => {
  const marker = { name: 'openrouter-key-manager', orkmTestBuild: 'e2e' }

  it('an installed app refuses them, says why on stderr and in a dialog, and exits non-zero before taking the lock', async () => {
    app.isPackaged = true
    for (const argv of [['--remote-debugging-port=9222'], ['--inspect'], ['--inspect-brk=9229'], ['--remote-debugging-pipe'], ['--remote-allow-origins=*']]) {
      standIn.reset()
      app.isPackaged = true
      const started = launch({ argv: ['/opt/orkm/openrouter-key-manager', ...argv], extraEnv: { ORKM_E2E_EXTERNAL_IN_WINDOW: '1' } })
      expect(await started.outcome).toBe('refused')
      expect(app.exitCode).toBe(2)
      expect(started.stderr.join('')).toContain(`does not start with ${argv[0]!.split('=')[0]}`)
      expect(errorBoxes()[0]).toMatch(/debugging switches let other programs/)
      expect(standIn.callsTo('app.requestSingleInstanceLock')).toEqual([])
    }
  })

  it('the packaged e2e test build starts with the switches Playwright uses; a development run too', async () => {
    app.isPackaged = true
    const e2e = launch({ argv: ['/opt/orkm/openrouter-key-manager', '--inspect=0', '--remote-debugging-port=0'], packageJson: marker })
    standIn.becomeReady()
    expect(await e2e.outcome).toBe('started')

    standIn.reset()
    for (const service of running) await service.shutdown()
    running = []
    const development = launch({ argv: ['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js'] })
    standIn.becomeReady()
    expect(await development.outcome).toBe('started')
  })

  it('neither the environment nor the command line can make an installed build look like the test build', async () => {
    app.isPackaged = true
    const started = launch({
      argv: ['/opt/orkm/openrouter-key-manager', '--orkmTestBuild=e2e', '--remote-debugging-port=0'],
      extraEnv: { orkmTestBuild: 'e2e', ORKM_TEST_BUILD: 'e2e', npm_package_orkmTestBuild: 'e2e' },
    })
    expect(await started.outcome).toBe('refused')
  })
})

describe('crashes', () => {
  const gone = (window: BrowserWindowStandIn, reason: Electron.RenderProcessGoneDetails['reason']) =>
    window.webContents.emit('render-process-gone', new StandInEvent(), { reason, exitCode: 139 })
  const logOf = () => readFile(join(temp.path, 'data/logs/main.log'), 'utf8')

  it('a renderer crash is logged and reloaded once; the second shows the crash page, whose links reload and open the logs', async () => {
    const started = await launchReady()
    const window = started.window()
    gone(window, 'crashed')
    expect(window.webContents.loadedUrls).toEqual(['app://bundle/index.html', 'app://bundle/index.html'])
    gone(window, 'oom')
    const crashPage = decodeURIComponent(window.webContents.loadedUrls.at(-1)!)
    expect(crashPage).toMatch(/^data:text\/html/)
    expect(crashPage).toMatch(/>Reload</)
    expect(crashPage).toMatch(/>Open logs folder</)
    expect(crashPage).not.toMatch(/<script/i)
    expect(await logOf()).toMatch(/renderer went away .*"reason":"crashed".*\n.*renderer went away .*"reason":"oom"/)

    const click = (url: string) => {
      const event = new StandInEvent()
      window.webContents.emit('will-navigate', event, url)
      return event.defaultPrevented
    }
    expect(click('app://bundle/crash-page/open-logs')).toBe(true)
    expect(standIn.callsTo('shell.openPath').map((call) => call.args[0])).toEqual([join(temp.path, 'data/logs')])
    expect(click('app://bundle/crash-page/reload')).toBe(true)
    expect(window.webContents.loadedUrls.at(-1)).toBe('app://bundle/index.html')
    // After that, no more automatic reloads: a renderer that crashes on load cannot loop.
    gone(window, 'crashed')
    expect(window.webContents.loadedUrls.at(-1)).toMatch(/^data:text\/html/)
  })

  it('a clean exit is not a crash; a child process crash counts like a renderer crash', async () => {
    const started = await launchReady()
    const window = started.window()
    gone(window, 'clean-exit')
    expect(window.webContents.loadedUrls).toHaveLength(1)
    app.emit('child-process-gone', new StandInEvent(), { type: 'GPU', reason: 'crashed', exitCode: 1 })
    expect(window.webContents.loadedUrls).toHaveLength(2)
    app.emit('child-process-gone', new StandInEvent(), { type: 'Utility', reason: 'killed', exitCode: 9, serviceName: 'network.mojom.NetworkService' })
    expect(window.webContents.loadedUrls.at(-1)).toMatch(/^data:text\/html/)
    expect(await logOf()).toMatch(/child process went away .*"type":"GPU"/)
  })

  it('uncaught errors in main are logged (scrubbed) every time and shown once', async () => {
    const started = await launchReady()
    const key = `sk-or-v1-${'b'.repeat(64)}`
    dialog.responses = [1] // Open logs folder
    started.processEvents.emit('uncaughtException', new Error(`boom with ${key}`))
    started.processEvents.emit('unhandledRejection', new Error('second'))
    started.processEvents.emit('uncaughtException', new Error('third'))
    const shown = standIn.callsTo('dialog.showMessageBox')
    expect(shown).toHaveLength(1)
    expect(JSON.stringify(shown[0]!.args)).not.toContain(key)
    expect(JSON.stringify(shown[0]!.args)).toContain('[redacted]')
    await expect.poll(() => standIn.callsTo('shell.openPath').length).toBe(1)
    const log = await logOf()
    expect(log).not.toContain(key)
    expect(log.match(/ERROR (uncaught error|unhandled rejection) in main/g)).toHaveLength(3)
  })
})

describe('Help menu', () => {
  it('opens the logs folder and reports a problem on the project’s issues page with no secret in it', async () => {
    await launchReady()
    const help = (Menu.applicationMenu!.template.find((item) => item.role === 'help')!.submenu as Electron.MenuItemConstructorOptions[])
    const click = (label: string) => (help.find((item) => item.label === label)!.click as () => void)()
    click('Open logs folder')
    expect(standIn.callsTo('shell.openPath').map((call) => call.args[0])).toEqual([join(temp.path, 'data/logs')])
    click('Report a problem…')
    const url = new URL(String(standIn.callsTo('shell.openExternal')[0]!.args[0]))
    expect(`${url.origin}${url.pathname}`).toBe(`${HOMEPAGE}/issues/new`)
    // Only the body, and in it only the fixed template around the version, the OS and the Electron version.
    expect([...url.searchParams.keys()]).toEqual(['body'])
    const facts = /\n---\n- App version: 0\.1\.0-stand-in\n- OS: Linux [^\n]+\n- Electron: [^\n]+$/
    expect(url.searchParams.get('body')).toMatch(facts)
    expect(url.searchParams.get('body')!.replace(facts, '')).toBe('**What happened**\n\n\n**What you expected**\n\n\n**Steps to reproduce**\n\n')
  })
})
