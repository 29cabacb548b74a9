// When a key's limit runs out at its recent pace. Pure; the clock is an argument.
import { nextResetAt, type LimitReset, type SpendDay, type SpendForecast } from '../../../preload/contract'
import { utcDay } from './utc-days'

const DAY_MS = 24 * 60 * 60 * 1000
/** The pace is the mean of the most recent days with data, at most this many. */
export const PACE_WINDOW_DAYS = 7
/** Fewer days with data than this say nothing about a pace. */
export const MIN_DAYS_WITH_DATA = 3
/** Without a reset, a limit that lasts longer than this "lasts". */
export const FORECAST_HORIZON_DAYS = 365

export interface ForecastInput {
  days: readonly SpendDay[]
  limit: number | null
  limitRemaining: number | null
  limitReset: LimitReset | null
  now: number
}

export function forecastSpend(input: ForecastInput): SpendForecast {
  if (input.limit === null) return { kind: 'no-limit' }
  const recent = input.days
    .map((day) => day.usage)
    .filter((usage): usage is number => usage !== null)
    .slice(-PACE_WINDOW_DAYS)
  if (recent.length < MIN_DAYS_WITH_DATA) return { kind: 'not-enough-data' }
  const pace = recent.reduce((sum, usage) => sum + usage, 0) / recent.length
  const remaining = input.limitRemaining ?? input.limit
  const resetAt = input.limitReset === null ? null : nextResetAt(input.limitReset, input.now)
  if (remaining <= 0) return { kind: 'reaches-limit', date: utcDay(input.now) }
  if (pace <= 0) {
    return resetAt === null ? { kind: 'lasts', horizonDays: FORECAST_HORIZON_DAYS } : { kind: 'lasts-past-reset', resetAt: new Date(resetAt).toISOString() }
  }
  const reachedAt = input.now + (remaining / pace) * DAY_MS
  if (resetAt !== null) {
    return reachedAt < resetAt ? { kind: 'reaches-limit', date: utcDay(reachedAt) } : { kind: 'lasts-past-reset', resetAt: new Date(resetAt).toISOString() }
  }
  return reachedAt - input.now <= FORECAST_HORIZON_DAYS * DAY_MS
    ? { kind: 'reaches-limit', date: utcDay(reachedAt) }
    : { kind: 'lasts', horizonDays: FORECAST_HORIZON_DAYS }
}
