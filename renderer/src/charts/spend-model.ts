// Pure arithmetic behind the spend charts: scales, bars, gaps, summaries and the forecast sentence.
// No DOM and no React, so every rule (a day without data is a gap, never $0) is tested on its own.
import type { AccountSpend, SpendDay, SpendForecast } from '../../../preload/account-contract'
import { formatUsd } from '../format/money'
import { userLocale } from '../format/locale'

/** A "nice" upper bound for an axis: 1, 2 or 5 × 10ⁿ at or above the largest value (never 0). */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value - 1e-12) return step * magnitude
  }
  return 10 * magnitude
}

export interface Bar {
  index: number
  date: string
  /** Null: no data that day (drawn as a gap, not as $0). */
  usage: number | null
  /** Height as a fraction of the axis (0..1); 0 for $0 and for gaps. */
  fraction: number
}

/** One bar per day on a shared axis. Negative or non-finite figures are treated as no data. */
export function dailyBars(days: readonly SpendDay[]): { bars: Bar[]; max: number } {
  const known = days.map((day) => usable(day.usage))
  const max = niceCeiling(Math.max(0, ...known.filter((usage): usage is number => usage !== null)))
  return {
    max,
    bars: days.map((day, index) => {
      const usage = known[index] ?? null
      return { index, date: day.date, usage, fraction: usage === null ? 0 : Math.min(1, usage / max) }
    }),
  }
}

function usable(usage: number | null): number | null {
  return usage !== null && Number.isFinite(usage) && usage >= 0 ? usage : null
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>()

/** "Nov 12" / "12 Nov": a UTC calendar day, short, in the reader's locale. */
export function formatDay(date: string, locale: string | undefined = userLocale()): string {
  const cacheKey = locale ?? ''
  let formatter = dayFormatters.get(cacheKey)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    dayFormatters.set(cacheKey, formatter)
  }
  const at = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date)
  return Number.isNaN(at) ? date : formatter.format(at)
}

export interface SpendSummary {
  total: number
  daysWithData: number
  gaps: number
  peak: { date: string; usage: number } | null
}

export function summarize(days: readonly SpendDay[]): SpendSummary {
  let total = 0
  let daysWithData = 0
  let peak: SpendSummary['peak'] = null
  for (const day of days) {
    const usage = usable(day.usage)
    if (usage === null) continue
    daysWithData += 1
    total += usage
    if (peak === null || usage > peak.usage) peak = { date: day.date, usage }
  }
  return { total, daysWithData, gaps: days.length - daysWithData, peak }
}

/** What a screen reader hears for a small chart: the same facts the picture shows. */
export function describeSpend(days: readonly SpendDay[], locale: string | undefined = userLocale()): string {
  if (days.length === 0) return 'No spend history yet.'
  const { total, daysWithData, gaps, peak } = summarize(days)
  const span = `${formatDay(days[0]!.date, locale)} to ${formatDay(days[days.length - 1]!.date, locale)}`
  if (daysWithData === 0) return `Daily spend, ${span}: no data for any day.`
  const parts = [`Daily spend, ${span}: ${formatUsd(total, locale)} in all`]
  if (peak && peak.usage > 0) parts.push(`highest ${formatUsd(peak.usage, locale)} on ${formatDay(peak.date, locale)}`)
  if (gaps > 0) parts.push(`${gaps} ${gaps === 1 ? 'day' : 'days'} without data`)
  return `${parts.join(', ')}.`
}

/** The forecast as a sentence, or null when there is nothing to say (no limit). */
export function forecastText(forecast: SpendForecast, locale: string | undefined = userLocale()): string | null {
  switch (forecast.kind) {
    case 'reaches-limit':
      return `At this pace the limit is reached on ${formatDay(forecast.date, locale)}.`
    case 'lasts-past-reset':
      return `At this pace the limit lasts past the next reset (${formatDay(forecast.resetAt, locale)}).`
    case 'lasts':
      return `At this pace the limit lasts beyond the next ${forecast.horizonDays} days.`
    case 'not-enough-data':
      return 'Not enough spend history yet for a forecast.'
    case 'no-limit':
      return null
  }
}

/** Whether the forecast is a warning (the limit runs out before a reset). */
export function forecastIsWarning(forecast: SpendForecast): boolean {
  return forecast.kind === 'reaches-limit'
}

/** The largest number of series drawn separately; the rest are summed into "Other". */
export const MAX_SERIES = 6

export interface StackedSeries {
  name: string
  /** Index into the palette (0..MAX_SERIES); "Other" takes the last colour. */
  colour: number
  usage: Array<number | null>
  total: number
}

export interface StackedDay {
  date: string
  /** Null when no series has data that day: a gap. */
  total: number | null
  segments: Array<{ series: number; from: number; to: number }>
}

/** The account chart: the biggest series first, the tail folded into "Other", stacked per day. */
export function stackSpend(spend: AccountSpend): { series: StackedSeries[]; days: StackedDay[]; max: number } {
  const ranked = spend.series
    .map((entry) => ({ name: entry.name, usage: spend.days.map((_, day) => usable(entry.usage[day] ?? null)) }))
    .map((entry) => ({ ...entry, total: entry.usage.reduce<number>((sum, usage) => sum + (usage ?? 0), 0) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
  let series: StackedSeries[] = ranked.slice(0, MAX_SERIES).map((entry, index) => ({ ...entry, colour: index }))
  if (ranked.length > MAX_SERIES) {
    const rest = ranked.slice(MAX_SERIES)
    const usage = spend.days.map((_, day) => {
      const known = rest.map((entry) => entry.usage[day] ?? null).filter((value): value is number => value !== null)
      return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0)
    })
    series = [...series, { name: `Other (${rest.length})`, colour: MAX_SERIES, usage, total: rest.reduce((sum, entry) => sum + entry.total, 0) }]
  }
  const days: StackedDay[] = spend.days.map((date, day) => {
    let top = 0
    let any = false
    const segments: StackedDay['segments'] = []
    series.forEach((entry, index) => {
      const usage = entry.usage[day] ?? null
      if (usage === null) return
      any = true
      if (usage > 0) segments.push({ series: index, from: top, to: top + usage })
      top += usage
    })
    return { date, total: any ? top : null, segments }
  })
  const max = niceCeiling(Math.max(0, ...days.map((day) => day.total ?? 0)))
  return { series, days, max }
}
