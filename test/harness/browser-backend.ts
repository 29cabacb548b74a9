// The harness's browser backend: the built renderer in Chromium, its `window.orkm` served by the real
// main-process services (real keychain, real loopback listener, real SDK) through the contract's Bridge.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppServices, type AppServices } from '../../main/core/app/app-services'
import { loadConfig } from '../../main/core/app/config'
import { createCheckedOpener, isTrustedRendererUrl } from '../../main/core/ipc/trusted-sender'
import { MemoryClipboard, RecordingNotifier } from './node-host'
import { serveDirectory } from './static-server'
import type { Harness, HarnessOptions } from './types'

const projectRoot = join(import.meta.dirname, '../..')

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumExecutable(): string {
  return process.env['ORKM_CHROMIUM_PATH'] ?? '/usr/bin/chromium'
}

export async function launchBrowserHarness(options: HarnessOptions): Promise<Harness & { services: AppServices; appUrl: string }> {
  const env = { ...process.env, ...options.env }
  const config = loadConfig(env)
  const dataDir = config.dataDir ?? mkdtempSync(join(tmpdir(), 'orkm-data-'))
  const clipboard = new MemoryClipboard()
  const notifier = new RecordingNotifier()
  const renderer = await serveDirectory(join(projectRoot, 'out/renderer'))
  let browser: Browser | null = null
  let services: AppServices | null = null
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: !options.headed, args: CHROMIUM_ARGS })
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 860 } })
    const openedPages: Page[] = []
    const waiting: Array<(page: Page) => void> = []
    // Pages still loading when the harness closes are awaited, so closing never races a navigation.
    const pendingOpens = new Set<Promise<void>>()
    const allowedExternal = [config.openRouterOrigin]

    services = await createAppServices(
      { ...config, dataDir },
      {
        clipboard,
        notifier,
        // What would go to shell.openExternal (the same check, the same normalised href) opens a new page in the same browser.
        opener: createCheckedOpener(allowedExternal, (href) => {
          const opening = (async () => {
            const page = await context.newPage()
            await page.goto(href)
            const resolve = waiting.shift()
            if (resolve) resolve(page)
            else openedPages.push(page)
          })()
          pendingOpens.add(opening)
          void opening.finally(() => pendingOpens.delete(opening)).catch(() => {})
          return opening
        }),
      },
    )
    const appServices = services
    const app = await context.newPage()
    // Same sender rule as main/ipc.ts: only the app page's top frame, on the renderer's origin.
    await app.exposeBinding('__orkmInvoke', async (source, channel: unknown, args: unknown) => {
      if (source.page !== app || source.frame !== app.mainFrame() || !isTrustedRendererUrl(source.frame.url(), [renderer.origin])) {
        return JSON.stringify({ ok: false, error: { code: 'invalid-argument', message: 'Request refused.' } })
      }
      // Results travel as JSON text: Playwright's own serializer is slow for large values (a 500-key list).
      return JSON.stringify(await appServices.dispatch(channel, Array.isArray(args) ? args : []))
    })
    await app.addInitScript({ path: join(projectRoot, 'out/harness/bridge.js') })
    appServices.onEvent((channel, payload) => {
      if (app.isClosed()) return
      app
        .evaluate(([name, data]) => (window as unknown as { __orkmEmit?: (c: string, p: unknown) => void }).__orkmEmit?.(name, JSON.parse(data)), [
          channel,
          JSON.stringify(payload),
        ] as const)
        .catch(() => {})
    })
    const appUrl = `${renderer.origin}/index.html`
    if (!options.startBlank) await app.goto(appUrl)

    const openedBrowser = browser
    return {
      backend: 'browser',
      app,
      appUrl,
      services: appServices,
      waitForAuthorizationPage: () => {
        const ready = openedPages.shift()
        if (ready) return Promise.resolve(ready)
        return new Promise<Page>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('The app did not open an authorization page.')), 15_000)
          waiting.push((page) => {
            clearTimeout(timer)
            resolve(page)
          })
        })
      },
      readClipboard: async () => clipboard.readText(),
      notifications: async () => [...notifier.shown],
      async close() {
        await appServices.shutdown()
        await Promise.allSettled([...pendingOpens])
        await openedBrowser.close()
        await renderer.close()
      },
    }
  } catch (error) {
    await services?.shutdown()
    await browser?.close()
    await renderer.close()
    throw error
  }
}
