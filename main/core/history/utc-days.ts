// UTC calendar days, as OpenRouter counts them (usage_daily, /activity, limit resets).
const DAY_MS = 24 * 60 * 60 * 1000

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The last `count` completed UTC days before the day of `now`, oldest first. */
export function completedUtcDays(now: number, count = 30): string[] {
  const today = Date.parse(`${utcDay(now)}T00:00:00Z`)
  return Array.from({ length: count }, (_, index) => utcDay(today - (count - index) * DAY_MS))
}

export function nextUtcDay(day: string): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + DAY_MS)
}
