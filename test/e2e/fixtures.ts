// Fixtures shared by every spec: the OpenRouter double, a private keychain service and data folder, and
// `launch()`, which starts the app on the project's backend (and closes whatever it started).
import { test as base, expect } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronSkipReason, launchHarness, type Harness, type HarnessBackend } from '../harness'
import { startOpenRouterDouble, type OpenRouterDouble } from '../openrouter-double'
import { purgeKeychainService } from '../support/keychain'
import { readAllFiles } from '../support/temp-dir'

export interface E2EOptions {
  backend: HarnessBackend
}

export interface AppEnvironment {
  OPENROUTER_BASE_URL: string
  ORKM_KEYCHAIN_SERVICE: string
  ORKM_DATA_DIR: string
  ORKM_CALLBACK_PORT: string
  [name: string]: string
}

interface Fixtures {
  double: OpenRouterDouble
  appEnv: AppEnvironment
  launch: (extraEnv?: Record<string, string>) => Promise<Harness>
}

export const test = base.extend<E2EOptions & Fixtures>({
  backend: ['browser', { option: true }],

  double: async ({ backend }, use, testInfo) => {
    const reason = backend === 'electron' ? electronSkipReason() : null
    testInfo.skip(reason !== null, reason ?? '')
    const double = await startOpenRouterDouble()
    try {
      await use(double)
      if (testInfo.status !== 'skipped') expectNoStrayBearer(double)
    } finally {
      await double.close()
    }
  },

  appEnv: async ({ double }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'orkm-e2e-'))
    const service = `orkm-e2e-${randomBytes(4).toString('hex')}`
    await use({
      OPENROUTER_BASE_URL: double.apiBaseUrl,
      ORKM_KEYCHAIN_SERVICE: service,
      ORKM_DATA_DIR: dataDir,
      ORKM_CALLBACK_PORT: process.env['ORKM_E2E_CALLBACK_PORT'] ?? '3000',
      ORKM_RETRY_BUDGET_MS: '3000',
      ORKM_HTTP_TIMEOUT_MS: '5000',
    })
    // After every spec: no file the app wrote (metadata, logs) holds a key or an authorization code.
    if (testInfo.status !== 'skipped') {
      // Every key the double holds (management keys included), every bearer it was sent (so keys revoked during the
      // spec are still swept), and every authorization code.
      const bearers = double.requests.map((entry) => /^Bearer (sk-or-\S+)$/.exec(entry.authorization ?? '')?.[1]).filter((key): key is string => key !== undefined)
      const secrets = [...new Set([...double.keys().map((key) => key.secret), ...bearers, ...double.issuedCodes()])]
      for (const file of await readAllFiles(dataDir)) {
        for (const secret of secrets) expect(file.text.includes(secret), `${file.path} contains a secret`).toBe(false)
      }
    }
    await purgeKeychainService(service)
    await rm(dataDir, { recursive: true, force: true })
  },

  launch: async ({ backend, appEnv }, use) => {
    const started: Harness[] = []
    await use(async (extraEnv = {}) => {
      const harness = await launchHarness({ backend, env: { ...appEnv, ...extraEnv } })
      started.push(harness)
      return harness
    })
    for (const harness of started.reverse()) await harness.close().catch(() => {})
  },
})

/**
 * After every spec that reached OpenRouter: the code exchange (connect and mint alike) carried no Authorization
 * header, and no request carried the stray OPENROUTER_API_KEY the config puts in the environment.
 */
export function expectNoStrayBearer(double: OpenRouterDouble): void {
  const stray = process.env['OPENROUTER_API_KEY']
  for (const request of double.requests) {
    if (request.path === EXCHANGE_PATH) expect(request.authorization, `${request.method} ${request.path} carried a bearer`).toBeNull()
    if (stray) expect(request.authorization ?? '', `${request.method} ${request.path} sent the environment's key`).not.toContain(stray)
  }
}

const EXCHANGE_PATH = '/api/v1/auth/keys'

export { expect }
