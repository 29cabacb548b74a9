// Refreshing many keys while OpenRouter rate limits a share of GET /key: the pool waits out Retry-After instead of
// failing keys, and a wait it will not make is shown as "rate limited", never as a rejected key.
// Real services, real keychain, real SDK on loopback; the double answers every 3rd /key with 429.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startOpenRouterDouble, type OpenRouterDouble } from '../openrouter-double'
import { startTestServices, type TestServices } from '../support/core-services'

let double: OpenRouterDouble
let app: TestServices

beforeEach(async () => {
  double = await startOpenRouterDouble()
  // A 5 s budget: room for Retry-After: 1, none for Retry-After: 120.
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, env: { ORKM_RETRY_BUDGET_MS: '5000' } })
})

afterEach(async () => {
  await app.dispose()
  await double.close()
})

async function storeKeys(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await app.services.keys.saveKey(double.createKey({ limit: 10 + index }), { userId: null, label: `Key ${index}`, figures: null })
  }
}

describe('refresh under rate limits', () => {
  it('every 3rd GET /key answers 429 (Retry-After: 1): every key still gets its figures, none is rejected', async () => {
    await storeKeys(9)
    double.setRateLimit({ every: 3, retryAfterSeconds: 1, routes: ['key'] })
    const { keys } = await app.services.keys.refreshAll('manual')
    expect(keys.map((key) => [key.label, key.lastError, key.figures?.limit])).toEqual(
      Array.from({ length: 9 }, (_, index) => [`Key ${index}`, null, 10 + index]),
    )
    expect(keys.every((key) => key.status.kind !== 'rejected')).toBe(true)
    expect(double.requests.filter((request) => request.path === '/api/v1/key').length).toBeGreaterThan(9) // the 429s were retried
  })

  it('a Retry-After the app will not wait for: "rate limited" with when to retry, the key not called rejected', async () => {
    await storeKeys(1)
    await app.services.keys.refreshAll('manual')
    double.failNext('key', { kind: 'rate-limited', retryAfterSeconds: 120 })
    const before = Date.now()
    const [key] = (await app.services.keys.refreshAll('manual')).keys
    expect(key!.lastError).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/rate limiting/) })
    expect(Date.parse(key!.lastError!.retryAt!)).toBeGreaterThanOrEqual(before + 119_000)
    expect(key!.status.kind).not.toBe('rejected')
    expect(key!.figures?.limit).toBe(10) // the last known figures stay
  })
})
