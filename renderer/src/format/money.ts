// Money as people read it: USD, in the user's locale, always with the "$" sign (never "US$").
import { userLocale } from './locale'
import type { KeyFigures } from '../../../preload/contract'

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(locale: string | undefined, small: boolean): Intl.NumberFormat {
  const cacheKey = `${locale ?? ''}|${small ? 's' : 'n'}`
  let cached = formatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      currencyDisplay: 'narrowSymbol',
      // Sub-cent usage (a few cheap requests) would read "$0.00": show two significant digits instead.
      ...(small ? { maximumSignificantDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    })
    formatters.set(cacheKey, cached)
  }
  return cached
}

/** "$7.50"; "$0.0042" for amounts under a cent; never "-$0.00". */
export function formatUsd(amount: number, locale: string | undefined = userLocale()): string {
  const value = amount === 0 ? 0 : amount // drops -0
  const small = value !== 0 && Math.abs(value) < 0.01
  return formatter(locale, small).format(value)
}

/** The key's cap: "$10.00", or "No cap" when OpenRouter reports no limit. */
export function formatLimit(limit: number | null, locale: string | undefined = userLocale()): string {
  return limit === null ? 'No cap' : formatUsd(limit, locale)
}

/** What is left of the key's cap: "$7.50", or "—" when the key has no cap. */
export function formatRemaining(figures: Pick<KeyFigures, 'limit' | 'limitRemaining'>, locale: string | undefined = userLocale()): string {
  if (figures.limit === null || figures.limitRemaining === null) return '—'
  return formatUsd(figures.limitRemaining, locale)
}
