// Fault table: every way the code exchange can fail ends within its bound, with the right message,
// and never stores a key twice. Real listener, real SDK, real keychain, the double's failure controls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppErrorCode, ConnectState } from '../../preload/contract'
import { startOpenRouterDouble, type Failure, type OpenRouterDouble } from '../openrouter-double'
import { startTestServices, type TestServices } from '../support/core-services'
import { keychainItems } from '../support/keychain'
import { followConsentRedirect } from '../support/loopback-browser'

// Bounds used here: 1 s per request, 1.5 s of retries (the app defaults are 10 s and 20 s).
const HTTP_TIMEOUT_MS = 1000
const RETRY_BUDGET_MS = 1500
let double: OpenRouterDouble
let app: TestServices

beforeEach(async () => {
  double = await startOpenRouterDouble()
  double.setConsentMode('auto-approve')
  app = await startTestServices({
    apiBaseUrl: double.apiBaseUrl,
    env: { ORKM_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS), ORKM_RETRY_BUDGET_MS: String(RETRY_BUDGET_MS) },
  })
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})

async function connectOnce(): Promise<{ state: ConnectState; elapsedMs: number; page: string }> {
  const started = await app.services.connect.start({})
  if (started.phase !== 'awaiting-browser') throw new Error('flow did not start')
  const begin = Date.now()
  const page = await followConsentRedirect(started.authUrl)
  // The page comes once the keychain holds the key; the flow ends when its metadata is written too.
  await expect.poll(() => app.services.connect.current.phase).not.toBe('saving')
  return { state: app.services.connect.current, elapsedMs: Date.now() - begin, page: page.body }
}

const failed = (state: ConnectState) => (state.phase === 'failed' ? state.error : null)

describe('exchange faults', () => {
  const cases: Array<[string, Failure, number, AppErrorCode, RegExp]> = [
    ['400 (code refused)', { kind: 'status', status: 400, message: 'Invalid code' }, 1, 'code-rejected', /refused the authorization code/],
    ['403 (wrong verifier, expired or reused code)', { kind: 'status', status: 403, message: 'Authorization code expired' }, 1, 'code-rejected', /expired/],
    ['500 forever', { kind: 'status', status: 500 }, 1000, 'openrouter-error', /OpenRouter had a problem \(500\)/],
    ['a hang', { kind: 'hang' }, 1000, 'timeout', /did not answer in time/],
    ['a malformed JSON body', { kind: 'malformed-json' }, 1, 'bad-response', /could not read/],
    ['a non-JSON body', { kind: 'non-json' }, 1, 'bad-response', /could not read/],
    ['a body that breaks the schema', { kind: 'schema-violation' }, 1, 'bad-response', /could not read/],
    ['the connection reset, every time', { kind: 'reset' }, 1000, 'offline', /Could not reach OpenRouter/],
  ]

  it.each(cases)('%s → a clear message, nothing stored, within its bound', async (_name, failure, times, code, message) => {
    double.failNext('exchange', failure, times)
    const { state, elapsedMs, page } = await connectOnce()
    expect(failed(state)).toMatchObject({ code, message: expect.stringMatching(message) })
    expect(failed(state)?.hint).toBeTruthy()
    expect(page).toContain('Not connected')
    // Bound: retries stop after the budget, plus one last request and the backoff's jitter.
    expect(elapsedMs).toBeLessThan(RETRY_BUDGET_MS + HTTP_TIMEOUT_MS + 2500)
    expect(await keychainItems(app.keychainService)).toEqual([])
    expect(app.services.keys.list().keys).toEqual([])
  })

  it.each([
    ['500 then success', { kind: 'status', status: 500 } as Failure],
    ['a reset then success', { kind: 'reset' } as Failure],
  ])('%s → connected, exactly one key stored', async (_name, failure) => {
    double.failNext('exchange', failure, 1)
    const { state } = await connectOnce()
    expect(state.phase).toBe('connected')
    const exchanges = double.requests.filter((request) => request.path === '/api/v1/auth/keys')
    expect(exchanges.length).toBe(2)
    expect(double.keys()).toHaveLength(1)
    expect(await keychainItems(app.keychainService)).toHaveLength(1)
    expect(app.services.keys.list().keys).toHaveLength(1)
  })
})
