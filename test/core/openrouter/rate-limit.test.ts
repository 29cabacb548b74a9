// Reading Retry-After: the forms OpenRouter (and the SDK) may use, and what is not a usable wait.
import { describe, expect, it } from 'vitest'
import { retryAfterMs, retryAtOf } from '../../../main/core/openrouter/rate-limit'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const headers = (entries: Record<string, string>) => new Headers(entries)

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '7' }, 7000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': 'Thu, 26 Nov 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Thu, 26 Nov 2026 11:59:00 GMT' }, 0], // a date in the past: no wait
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250], // the precise header wins, as in the SDK
  ])('%j → %d ms', (entries, expected) => {
    expect(retryAfterMs(headers(entries), NOW)).toBe(expected)
  })

  it.each([[{}], [{ 'retry-after': 'soon' }], [{ 'retry-after': '-5' }], [{ 'retry-after': '1.5' }], [{ 'retry-after-ms': 'x' }]])('%j → null', (entries) => {
    expect(retryAfterMs(headers(entries), NOW)).toBeNull()
  })
})

describe('retryAtOf', () => {
  it('turns the wait into an ISO time; without a usable header, a short doubling wait', () => {
    expect(retryAtOf(headers({ 'retry-after': '90' }), NOW)).toEqual({ waitMs: 90_000, retryAt: '2026-11-26T12:01:30.000Z' })
    expect(retryAtOf(headers({}), NOW, 0).waitMs).toBe(1000)
    expect(retryAtOf(headers({}), NOW, 2).waitMs).toBe(4000)
  })
})
