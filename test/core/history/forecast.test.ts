// The forecast is pure: fixed clock, fixed days.
import { describe, expect, it } from 'vitest'
import type { SpendDay } from '../../../preload/contract'
import { forecastSpend } from '../../../main/core/history/forecast'
import { nextResetAt } from '../../../preload/contract'
import { completedUtcDays } from '../../../main/core/history/utc-days'

// Wednesday 10 December 2025, 12:00 UTC.
const NOW = Date.parse('2025-12-10T12:00:00Z')
const days = (values: Array<number | null>): SpendDay[] => {
  const dates = completedUtcDays(NOW, values.length)
  return dates.map((date, index) => ({ date, usage: values[index] ?? null }))
}

describe('forecastSpend', () => {
  it('at $1 a day, $2 left and no reset, the limit is reached on 12 Dec', () => {
    expect(forecastSpend({ days: days([1, 1, 1, 1, 1, 1, 1]), limit: 10, limitRemaining: 2, limitReset: null, now: NOW })).toEqual({ kind: 'reaches-limit', date: '2025-12-12' })
  })

  it('a monthly limit that outlasts the month lasts past the next reset (1 Jan, UTC)', () => {
    expect(forecastSpend({ days: days([0.1, 0.1, 0.1]), limit: 10, limitRemaining: 9, limitReset: 'monthly', now: NOW })).toEqual({ kind: 'lasts-past-reset', resetAt: '2026-01-01T00:00:00.000Z' })
  })

  it('a weekly limit reached before Monday is reached; the pace uses only days with data (gaps are not $0)', () => {
    // Four gaps and three $2 days: the pace is $2 a day, not $6/7.
    expect(forecastSpend({ days: days([null, 2, null, 2, null, 2, null]), limit: 20, limitRemaining: 4, limitReset: 'weekly', now: NOW })).toEqual({ kind: 'reaches-limit', date: '2025-12-12' })
  })

  it('says when it cannot tell, when there is no limit, and when nothing is spent', () => {
    expect(forecastSpend({ days: days([1, null, 1]), limit: 10, limitRemaining: 5, limitReset: null, now: NOW })).toEqual({ kind: 'not-enough-data' })
    expect(forecastSpend({ days: days([1, 1, 1]), limit: null, limitRemaining: null, limitReset: null, now: NOW })).toEqual({ kind: 'no-limit' })
    expect(forecastSpend({ days: days([0, 0, 0]), limit: 10, limitRemaining: 5, limitReset: null, now: NOW })).toEqual({ kind: 'lasts', horizonDays: 365 })
    expect(forecastSpend({ days: days([0, 0, 0]), limit: 10, limitRemaining: 0, limitReset: 'daily', now: NOW })).toEqual({ kind: 'reaches-limit', date: '2025-12-10' })
  })

  it('resets at midnight UTC; weeks start on Monday', () => {
    expect(new Date(nextResetAt('daily', NOW)).toISOString()).toBe('2025-12-11T00:00:00.000Z')
    expect(new Date(nextResetAt('weekly', NOW)).toISOString()).toBe('2025-12-15T00:00:00.000Z')
    expect(new Date(nextResetAt('weekly', Date.parse('2025-12-15T00:00:00Z'))).toISOString()).toBe('2025-12-22T00:00:00.000Z')
  })
})
