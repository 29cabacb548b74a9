// 429 handling shared by both gateways. A request that is safe to repeat waits for OpenRouter's Retry-After
// (bounded) and tries again within the retry budget; anything else becomes a 'rate-limited' failure carrying
// retryAt, so the person sees "rate limited, retrying at 10:42" instead of "rejected". Calls that create or
// change something are never repeated here: the caller tells the person instead.
import type { SdkErrorClasses } from './openrouter-errors'

export interface RateLimitPolicy {
  /** Total time a call may spend waiting out 429s. */
  readonly budgetMs: number
  /** The longest single Retry-After the app waits for; a longer one is reported, not waited out. */
  readonly maxWaitMs: number
  readonly maxAttempts: number
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000
export const DEFAULT_MAX_ATTEMPTS = 5
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/
/** Used when a 429 carries no usable Retry-After: 1 s, 2 s, 4 s … */
const FALLBACK_WAIT_MS = 1000

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export function defaultRateLimitPolicy(budgetMs: number, overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy {
  return {
    budgetMs,
    maxWaitMs: DEFAULT_MAX_RETRY_AFTER_MS,
    maxAttempts: DEFAULT_MAX_ATTEMPTS,
    now: () => Date.now(),
    sleep: realSleep,
    ...overrides,
  }
}

/**
 * The wait a 429 asks for, in ms: `retry-after-ms` (which the SDK also honours), then `Retry-After` as seconds
 * or an HTTP date. Null when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const milliseconds = headers.get('retry-after-ms')
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Math.ceil(Number(milliseconds))
  const value = headers.get('retry-after')?.trim()
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // Only an HTTP date (RFC 9110 IMF-fixdate): Date.parse alone would read '-5' or '1.5' as dates.
  if (!HTTP_DATE.test(value)) return null
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** When a 429 says to try again, as ISO 8601; falls back to a short wait when it does not say. */
export function retryAtOf(headers: Headers, now: number, attempt = 0): { waitMs: number; retryAt: string } {
  const waitMs = retryAfterMs(headers, now) ?? FALLBACK_WAIT_MS * 2 ** attempt
  return { waitMs, retryAt: new Date(now + waitMs).toISOString() }
}

/** Runs `attempt`, waiting out 429s while the policy allows; the last error (a 429 included) is rethrown. */
export async function withRateLimitRetries<T>(policy: RateLimitPolicy, errors: SdkErrorClasses, attempt: () => Promise<T>): Promise<T> {
  const started = policy.now()
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof errors.OpenRouterError) || error.statusCode !== 429) throw error
      const now = policy.now()
      const { waitMs } = retryAtOf(error.headers, now, tries - 1)
      const withinBudget = now - started + waitMs <= policy.budgetMs
      if (tries >= policy.maxAttempts || waitMs > policy.maxWaitMs || !withinBudget) throw error
      await policy.sleep(waitMs)
    }
  }
}
