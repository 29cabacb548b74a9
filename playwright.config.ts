// End-to-end specs run once per backend: 'browser' (Chromium + the real services, runs everywhere) and
// 'electron' (the built app, where an Electron binary is installed; otherwise each spec skips with the reason).
import { defineConfig } from '@playwright/test'
import type { E2EOptions } from './test/e2e/fixtures'

const jsonReport = process.env['ORKM_PLAYWRIGHT_JSON']

// A stray key in the environment must never be sent by the app: every spec runs with one set.
process.env['OPENROUTER_API_KEY'] = 'sk-or-v1-stray-environment-key-that-the-app-must-never-send'

export default defineConfig<E2EOptions>({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  // One keychain, one port 3000: specs run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'browser', use: { backend: 'browser' } },
    { name: 'electron', use: { backend: 'electron' } },
  ],
})
