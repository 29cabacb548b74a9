import { describe, expect, it } from 'vitest'
import { nextResetAt } from '../../../preload/contract'
import { formatDurationShort, formatResetTime } from '../../../renderer/src/format/resets'

const at = (iso: string) => Date.parse(iso)

describe('nextResetAt (OpenRouter resets at 00:00 UTC; weeks run Monday to Sunday)', () => {
  it('daily: the next midnight UTC, even one minute before it', () => {
    expect(nextResetAt('daily', at('2026-11-26T17:00:00Z'))).toBe(at('2026-11-27T00:00:00Z'))
    expect(nextResetAt('daily', at('2026-11-26T23:59:00Z'))).toBe(at('2026-11-27T00:00:00Z'))
    expect(nextResetAt('daily', at('2026-11-27T00:00:00Z'))).toBe(at('2026-11-28T00:00:00Z'))
  })

  it('weekly: the next Monday 00:00 UTC; on a Monday, the one after', () => {
    expect(nextResetAt('weekly', at('2026-11-26T12:00:00Z'))).toBe(at('2026-11-30T00:00:00Z')) // Thursday
    expect(nextResetAt('weekly', at('2026-11-29T23:00:00Z'))).toBe(at('2026-11-30T00:00:00Z')) // Sunday night
    expect(nextResetAt('weekly', at('2026-11-30T00:00:00Z'))).toBe(at('2026-12-07T00:00:00Z')) // Monday
  })

  it('monthly: the 1st of the next month 00:00 UTC (UNCONFIRMED), across the year end', () => {
    expect(nextResetAt('monthly', at('2026-11-26T12:00:00Z'))).toBe(at('2026-12-01T00:00:00Z'))
    expect(nextResetAt('monthly', at('2026-12-31T23:00:00Z'))).toBe(at('2027-01-01T00:00:00Z'))
  })
})

describe('formatResetTime', () => {
  it('says how long until the reset and when it is, in UTC', () => {
    expect(formatResetTime('daily', at('2026-11-26T17:00:00Z'), 'en-US')).toBe('resets in 7 h (00:00 UTC)')
    expect(formatResetTime('weekly', at('2026-11-26T12:00:00Z'), 'en-US')).toBe('resets in 4 days (Mon 00:00 UTC)')
    expect(formatResetTime('monthly', at('2026-11-26T12:00:00Z'), 'en-US')).toBe('resets in 5 days (Dec 1 00:00 UTC)')
  })

  it('never says "in 0 min"', () => {
    expect(formatDurationShort(1)).toBe('1 min')
    expect(formatDurationShort(59 * 60 * 1000)).toBe('59 min')
    expect(formatDurationShort(47 * 60 * 60 * 1000)).toBe('47 h')
  })
})
