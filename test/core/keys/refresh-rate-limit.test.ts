// A whole-list refresh under 429s (issue 11 #9): the pool pauses until OpenRouter's Retry-After and goes on one key
// at a time, instead of failing every key; a pause too long to wait marks the keys "rate limited, retrying at HH:MM".
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyListView } from '../../../preload/contract'
import { clockTime } from '../../../main/core/keys/key-status'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'

let double: OpenRouterDouble
let app: TestServices
beforeEach(async () => {
  double = await startOpenRouterDouble()
  // The gateway's own 429 budget (2 s here) is shorter than the Retry-After used below, so the pool sees the 429s.
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
  for (let index = 0; index < 6; index += 1) await app.services.intake.add(double.createKey(), `Key ${index}`)
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})

const keyRequests = () => double.requests.filter((entry) => entry.path === '/api/v1/key')

describe('refreshing every key under rate limits', () => {
  it('pauses the pool until Retry-After, then refreshes the rest one at a time: no key fails', async () => {
    const before = keyRequests().length
    double.setRateLimit({ every: 4, retryAfterSeconds: 3, routes: ['key'] })
    const list: KeyListView = await app.services.keys.refreshAll('manual')
    const sent = keyRequests().slice(before)
    expect(sent).toHaveLength(7) // six keys and the one 429'd, tried again
    expect(list.keys.map((key) => key.status.kind)).toEqual(Array(6).fill('active'))
    expect(list.keys.every((key) => key.lastError === null)).toBe(true)
    // The 429'd key was tried again only after the Retry-After (the double records when each request arrived);
    // requests already under way when the 429 came back may have started before it.
    expect(sent[6]!.at - sent[3]!.at).toBeGreaterThanOrEqual(2900)
  })

  it('a Retry-After longer than a refresh may wait is not waited out: the keys left say when they are retried', async () => {
    const before = keyRequests().length
    double.setRateLimit({ every: 4, retryAfterSeconds: 600, routes: ['key'] })
    const list = await app.services.keys.refreshAll('manual')
    const sent = keyRequests().length - before
    const limited = list.keys.filter((key) => key.status.kind === 'rate-limited')
    // Every key was either checked or left rate limited; the 429'd one was not tried again, and nothing was
    // sent once the pool knew (at most the requests already picked up when the 429 came back).
    expect(sent).toBeLessThanOrEqual(6)
    expect(limited.length).toBeGreaterThanOrEqual(1)
    expect(sent - 1 + limited.length).toBe(6)
    expect(list.keys.filter((key) => key.status.kind === 'active')).toHaveLength(6 - limited.length)
    for (const key of limited) {
      expect(key.status.reason).toBe(`Rate limited by OpenRouter, retrying at ${clockTime(key.lastError!.retryAt!)}.`)
      expect(Date.parse(key.lastError!.retryAt!) - Date.now()).toBeGreaterThan(500_000)
      expect(key.figures).not.toBeNull() // the last known figures stay
    }
    // An automatic refresh leaves them alone until then (and checks the others as usual).
    double.setRateLimit(null)
    const again = keyRequests().length
    await app.services.keys.refreshAll('automatic')
    expect(keyRequests().length - again).toBe(6 - limited.length)
  })
})
