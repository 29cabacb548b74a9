import { describe, expect, it } from 'vitest'
import { formatChecked, formatCountdown, formatDate, formatExpiry, formatRelative } from '../../../renderer/src/format/dates'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('formatRelative', () => {
  it('picks the unit a person would use, in both directions', () => {
    expect(formatRelative(NOW + 30 * 1000, NOW, 'en-US')).toBe('in 30 seconds')
    expect(formatRelative(NOW - 2 * MINUTE, NOW, 'en-US')).toBe('2 minutes ago')
    expect(formatRelative(NOW + 5 * HOUR, NOW, 'en-US')).toBe('in 5 hours')
    expect(formatRelative(NOW + DAY, NOW, 'en-US')).toBe('tomorrow')
    expect(formatRelative(NOW + 16 * DAY, NOW, 'en-US')).toBe('in 16 days')
    expect(formatRelative(NOW - 3 * DAY, NOW, 'en-US')).toBe('3 days ago')
    expect(formatRelative(NOW + 91 * DAY, NOW, 'en-US')).toBe('in 3 months')
    expect(formatRelative(NOW + 800 * DAY, NOW, 'en-US')).toBe('in 2 years')
  })

  it('speaks the given locale', () => {
    expect(formatRelative(NOW + 16 * DAY, NOW, 'de-DE')).toBe('in 16 Tagen')
  })
})

describe('formatExpiry', () => {
  it('says Never for a key without expiry', () => {
    expect(formatExpiry(null, NOW, 'en-GB')).toBe('Never')
  })

  it('gives the localized date and how far away it is', () => {
    expect(formatExpiry('2026-12-12T12:00:00Z', NOW, 'en-GB')).toBe('12 Dec 2026 · in 16 days')
    expect(formatExpiry('2026-12-12T12:00:00Z', NOW, 'en-US')).toBe('Dec 12, 2026 · in 16 days')
    expect(formatExpiry('2026-11-24T12:00:00Z', NOW, 'en-US')).toBe('Nov 24, 2026 · 2 days ago')
  })

  it('adds the time of day when the expiry is close', () => {
    expect(formatDate('2026-11-26T17:00:00Z', NOW, 'en-US')).toMatch(/Nov 2[67], 2026, \d{1,2}:\d{2}\s?[AP]M/)
  })
})

describe('formatChecked', () => {
  it('tells how long ago the figures were fetched', () => {
    expect(formatChecked(new Date(NOW - 2 * MINUTE).toISOString(), NOW, 'en-US')).toBe('Checked 2 minutes ago')
    expect(formatChecked(new Date(NOW - 20 * 1000).toISOString(), NOW, 'en-US')).toBe('Checked just now')
    expect(formatChecked(new Date(NOW - 3 * HOUR).toISOString(), NOW, 'en-US')).toBe('Checked 3 hours ago')
    expect(formatChecked(null, NOW, 'en-US')).toBe('Not checked yet')
  })
})

describe('formatCountdown', () => {
  it('counts down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(4 * MINUTE + 32 * 1000)).toBe('4:32')
    expect(formatCountdown(9 * 1000)).toBe('0:09')
    expect(formatCountdown(-5000)).toBe('0:00')
  })
})
