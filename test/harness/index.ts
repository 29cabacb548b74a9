// launchHarness: one API, two backends. Every end-to-end spec runs on both.
import { launchBrowserHarness } from './browser-backend'
import { electronExecutablePath } from './electron-availability'
import { launchElectronHarness } from './electron-backend'
import type { Harness, HarnessBackend, HarnessOptions } from './types'

export type { Harness, HarnessBackend, HarnessOptions } from './types'
export { electronSkipReason } from './electron-availability'

export function defaultBackend(): HarnessBackend {
  const chosen = process.env['ORKM_E2E_BACKEND']
  if (chosen === 'browser' || chosen === 'electron') return chosen
  return electronExecutablePath() ? 'electron' : 'browser'
}

export function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const backend = options.backend ?? defaultBackend()
  return backend === 'electron' ? launchElectronHarness(options) : launchBrowserHarness(options)
}
