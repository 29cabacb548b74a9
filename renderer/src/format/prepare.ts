// The user's number and date formats, built ahead of the first screen.
import { formatDate, formatRelative } from './dates'
import { formatUsd, formatUsdExact } from './money'

/**
 * Builds (and caches) the formats every card uses. The first currency format in a fresh renderer loads ICU's data:
 * 17–50 ms measured here. Done while the key list is on its way, that time no longer follows the list's arrival.
 */
export function prepareFormats(now: number = Date.now()): void {
  formatUsd(0)
  formatUsdExact(0.001)
  formatDate(new Date(now).toISOString(), now)
  formatRelative(now + 86_400_000, now)
}
