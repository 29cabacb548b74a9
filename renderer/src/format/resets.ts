// When a key's credit limit resets, in words: the rule itself (OpenRouter's reset times) is nextResetAt in the
// contract, shared with main's forecast.
import { nextResetAt, type LimitReset } from '../../../preload/contract'
import { userLocale } from './locale'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** "7 h", "45 min", "3 days": short, rounded up so "in 0 min" never appears. */
export function formatDurationShort(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.ceil(ms / 60_000))} min`
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`
  return `${Math.round(ms / DAY)} days`
}

const whenFormatters = new Map<string, Intl.DateTimeFormat>()
function whenFormatter(locale: string | undefined, withDate: 'weekday' | 'date'): Intl.DateTimeFormat {
  const cacheKey = `${locale ?? ''}|${withDate}`
  let cached = whenFormatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, withDate === 'weekday' ? { weekday: 'short', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' })
    whenFormatters.set(cacheKey, cached)
  }
  return cached
}

/** "resets in 7 h (00:00 UTC)", "resets in 3 days (Mon 00:00 UTC)", "resets in 12 days (1 Dec 00:00 UTC)". */
export function formatResetTime(reset: LimitReset, now: number, locale: string | undefined = userLocale()): string {
  const at = nextResetAt(reset, now)
  const day = reset === 'daily' ? '' : `${whenFormatter(locale, reset === 'weekly' ? 'weekday' : 'date').format(at)} `
  return `resets in ${formatDurationShort(at - now)} (${day}00:00 UTC)`
}
