import { describe, expect, it } from 'vitest'
import { formatLimit, formatRemaining, formatUsd, formatUsdExact, isSubCent } from '../../../renderer/src/format/money'

describe('formatUsd', () => {
  it('shows dollars and cents in the given locale, always with a plain $ sign', () => {
    expect(formatUsd(10, 'en-US')).toBe('$10.00')
    expect(formatUsd(7.5, 'en-US')).toBe('$7.50')
    expect(formatUsd(1234.5, 'en-US')).toBe('$1,234.50')
    expect(formatUsd(10, 'en-GB')).toBe('$10.00') // not "US$10.00"
    expect(formatUsd(1234.5, 'de-DE')).toBe('1.234,50\u00a0$') // no-break space before the sign
  })

  it('one rule: cents; a non-zero amount under half a cent reads "< $0.01" (never a silent $0.00), exact on demand', () => {
    expect(formatUsd(0.0042, 'en-US')).toBe('< $0.01')
    expect(formatUsdExact(0.0042, 'en-US')).toBe('$0.0042')
    expect(formatUsd(0.006, 'en-US')).toBe('$0.01')
    expect(formatUsd(0.123456, 'en-US')).toBe('$0.12')
    expect(formatUsd(0, 'en-US')).toBe('$0.00')
    expect(isSubCent(0)).toBe(false)
    expect(isSubCent(0.0049)).toBe(true)
    expect(formatUsd(126_543.21, 'en-US')).toBe('$126,543.21')
  })

  it('never shows a negative zero', () => {
    expect(formatUsd(-0, 'en-US')).toBe('$0.00')
  })
})

describe('formatLimit and formatRemaining', () => {
  it('says "No cap" for a key without a limit, and "—" for what remains of no limit', () => {
    expect(formatLimit(null, 'en-US')).toBe('No cap')
    expect(formatLimit(10, 'en-US')).toBe('$10.00')
    expect(formatRemaining({ limit: null, limitRemaining: null }, 'en-US')).toBe('—')
    expect(formatRemaining({ limit: 10, limitRemaining: 7.5 }, 'en-US')).toBe('$7.50')
  })
})
