// Money as people read it: USD, in the user's locale, always with the "$" sign (never "US$").
// One precision rule everywhere: cents. A non-zero amount under a cent reads "< $0.01" (the exact amount is
// available through `formatUsdExact`, shown as a tooltip by <Money>), so nothing rounds silently to $0.00.
import { userLocale } from './locale'
import type { KeyFigures } from '../../../preload/contract'

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(locale: string | undefined, exact: boolean): Intl.NumberFormat {
  const cacheKey = `${locale ?? ''}|${exact ? 'x' : 'c'}`
  let cached = formatters.get(cacheKey)
  if (!cached) {
    cached = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      currencyDisplay: 'narrowSymbol',
      ...(exact ? { minimumFractionDigits: 2, maximumFractionDigits: 6 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    })
    formatters.set(cacheKey, cached)
  }
  return cached
}

const withoutNegativeZero = (amount: number) => (amount === 0 ? 0 : amount)

/** Whether an amount is shown as "< $0.01" (and so has a more exact form worth a tooltip). */
export function isSubCent(amount: number): boolean {
  return amount !== 0 && Math.abs(amount) < 0.005
}

/** "$7.50"; "< $0.01" for a non-zero amount that would round to $0.00; never "-$0.00". */
export function formatUsd(amount: number, locale: string | undefined = userLocale()): string {
  const value = withoutNegativeZero(amount)
  if (isSubCent(value)) return `${value < 0 ? '> -' : '< '}${formatter(locale, false).format(0.01)}`
  return formatter(locale, false).format(value)
}

/** The amount to the micro-dollar, for a tooltip: "$0.0042". */
export function formatUsdExact(amount: number, locale: string | undefined = userLocale()): string {
  return formatter(locale, true).format(withoutNegativeZero(amount))
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
