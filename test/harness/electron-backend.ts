// The harness's Electron backend: Playwright's _electron on the built app, wherever an Electron binary exists.
// The app opens "the system browser" as a plain window (ORKM_E2E_EXTERNAL_IN_WINDOW) so the test can drive it.
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { join } from 'node:path'
import { electronExecutablePath } from './electron-availability'
import type { Harness, HarnessOptions } from './types'

export async function launchElectronHarness(options: HarnessOptions): Promise<Harness> {
  const executablePath = electronExecutablePath()
  if (!executablePath) throw new Error('No Electron binary is installed.')
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...process.env, ...options.env, ORKM_E2E_EXTERNAL_IN_WINDOW: '1' })) {
    if (value !== undefined) env[name] = value
  }
  const electronApp: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(import.meta.dirname, '../../out/main/index.js')],
    env,
  })
  const app = await electronApp.firstWindow()
  const known = new Set<Page>([app])
  return {
    backend: 'electron',
    app,
    async waitForAuthorizationPage() {
      const existing = electronApp.windows().find((page) => !known.has(page))
      const page = existing ?? (await electronApp.waitForEvent('window', { timeout: 15_000 }))
      known.add(page)
      await page.waitForLoadState()
      return page
    },
    readClipboard: () => electronApp.evaluate(({ clipboard }) => clipboard.readText()),
    notifications: async () => [],
    close: () => electronApp.close(),
  }
}
