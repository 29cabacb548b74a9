import type { Page } from '@playwright/test'

export type HarnessBackend = 'browser' | 'electron'

export interface HarnessOptions {
  /** Environment for the app (OPENROUTER_BASE_URL, ORKM_* …), on top of the test process's own. */
  env?: Record<string, string>
  /** Defaults to ORKM_E2E_BACKEND, else 'electron' where an Electron binary exists, else 'browser'. */
  backend?: HarnessBackend
  headed?: boolean
  /** Browser backend: leave the app's page blank until the caller navigates it to `appUrl` (default: open it). */
  startBlank?: boolean
}

export interface Harness {
  backend: HarnessBackend
  /** The app's window. */
  app: Page
  /** The page the app opened as "the system browser" (the consent page). */
  waitForAuthorizationPage(): Promise<Page>
  readClipboard(): Promise<string>
  /** Desktop notifications shown so far (browser backend; the Electron backend cannot observe them). */
  notifications(): Promise<Array<{ title: string; body: string }>>
  close(): Promise<void>
}
