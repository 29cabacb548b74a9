// /activity answers, cached per UTC day: its rows cover completed days only, so one answer serves the whole day.
// Rows carry no key hash, so a per-key chart is one request per key; after a 429 no request is made until the
// time OpenRouter named, and the last answer (or none) is used meanwhile.
import { isAppFailure } from '../base/app-failure'
import type { Clock } from '../base/ports'
import type { ActivityRow } from '../openrouter/management-gateway'
import { utcDay } from './utc-days'

const MAX_ENTRIES = 2000
/** Without a Retry-After, wait this long after a 429. */
const DEFAULT_BACKOFF_MS = 60_000

interface Entry {
  day: string
  rows: ActivityRow[]
}

export class ActivityCache {
  private readonly entries = new Map<string, Entry>()
  private blockedUntil = 0

  constructor(private readonly clock: Clock) {}

  /** Rows for `scope` (a key hash, or '*' for the account): cached today's, or fetched; null when unavailable. */
  async rows(scope: string, fetch: () => Promise<ActivityRow[]>): Promise<ActivityRow[] | null> {
    const now = this.clock.now()
    const today = utcDay(now)
    const cached = this.entries.get(scope)
    if (cached?.day === today) return cached.rows
    if (now < this.blockedUntil) return cached?.rows ?? null
    try {
      const rows = await fetch()
      this.entries.delete(scope)
      this.entries.set(scope, { day: today, rows })
      while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
      return rows
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'rate-limited') {
        const retryAt = error.appError.retryAt ? Date.parse(error.appError.retryAt) : Number.NaN
        this.blockedUntil = Number.isNaN(retryAt) ? now + DEFAULT_BACKOFF_MS : retryAt
        return cached?.rows ?? null
      }
      throw error
    }
  }

  /** Today's cached rows for a scope, without fetching. */
  peek(scope: string): ActivityRow[] | null {
    const cached = this.entries.get(scope)
    return cached?.day === utcDay(this.clock.now()) ? cached.rows : null
  }

  clear(): void {
    this.entries.clear()
    this.blockedUntil = 0
  }
}
