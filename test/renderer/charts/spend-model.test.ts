import { describe, expect, it } from 'vitest'
import { dailyBars, describeSpend, forecastText, niceCeiling, stackSpend, summarize, MAX_SERIES } from '../../../renderer/src/charts/spend-model'

const days = (usages: Array<number | null>) => usages.map((usage, index) => ({ date: `2026-11-${String(index + 1).padStart(2, '0')}`, usage }))

describe('spend model', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ and never to 0', () => {
    expect(niceCeiling(0)).toBe(1)
    expect(niceCeiling(0.37)).toBe(0.5)
    expect(niceCeiling(1.2)).toBe(2)
    expect(niceCeiling(7)).toBe(10)
    expect(niceCeiling(20)).toBe(20)
  })

  it('keeps a day without data a gap (null), never $0, and $0 as $0', () => {
    const { bars, max } = dailyBars(days([1, null, 0, 4]))
    expect(max).toBe(5)
    expect(bars.map((bar) => bar.usage)).toEqual([1, null, 0, 4])
    expect(bars.map((bar) => bar.fraction)).toEqual([0.2, 0, 0, 0.8])
    expect(summarize(days([1, null, 0, 4]))).toEqual({ total: 5, daysWithData: 3, gaps: 1, peak: { date: '2026-11-04', usage: 4 } })
  })

  it('treats negative and non-finite figures as no data', () => {
    expect(dailyBars(days([-1, Number.NaN, 2])).bars.map((bar) => bar.usage)).toEqual([null, null, 2])
  })

  it('describes the chart in words: total, peak and gaps', () => {
    expect(describeSpend(days([1, null, 0, 4]), 'en-GB')).toBe('Daily spend, 1 Nov to 4 Nov: $5.00 in all, highest $4.00 on 4 Nov, 1 day without data.')
    expect(describeSpend(days([null, null]), 'en-GB')).toBe('Daily spend, 1 Nov to 2 Nov: no data for any day.')
  })

  it('says the forecast as a sentence, with the UTC day in the reader’s locale', () => {
    expect(forecastText({ kind: 'reaches-limit', date: '2026-12-12' }, 'en-GB')).toBe('At this pace the limit is reached on 12 Dec.')
    expect(forecastText({ kind: 'reaches-limit', date: '2026-12-12' }, 'en-US')).toBe('At this pace the limit is reached on Dec 12.')
    // A late-evening instant west of UTC is still the UTC day.
    expect(forecastText({ kind: 'lasts-past-reset', resetAt: '2026-12-01T00:00:00Z' }, 'en-GB')).toBe('At this pace the limit lasts past the next reset (1 Dec).')
    expect(forecastText({ kind: 'lasts', horizonDays: 90 }, 'en-GB')).toBe('At this pace the limit lasts beyond the next 90 days.')
    expect(forecastText({ kind: 'no-limit' })).toBeNull()
  })

  it('stacks series per day, biggest first, folds the tail into “Other”, and leaves days without any data blank', () => {
    const dates = ['2026-11-01', '2026-11-02']
    const series = Array.from({ length: MAX_SERIES + 2 }, (_, index) => ({ name: `k${index}`, usage: [index + 1, null] }))
    const stacked = stackSpend({ groupBy: 'key', days: dates, series })
    expect(stacked.series.map((entry) => entry.name)).toEqual(['k7', 'k6', 'k5', 'k4', 'k3', 'k2', 'Other (2)'])
    expect(stacked.series.at(-1)!.usage).toEqual([3, null])
    expect(stacked.days[0]!.total).toBe(36)
    expect(stacked.days[1]!.total).toBeNull()
    expect(stacked.max).toBe(50)
    const top = stacked.days[0]!.segments.at(-1)!
    expect(top.to).toBe(36)
  })
})
