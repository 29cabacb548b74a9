import { describe, expect, it } from 'vitest'
import {
  parseLocalDateTime,
  toIsoSeconds,
  toLocalDateTimeValue,
  validateMintForm,
  type MintFormValues,
} from '../../../renderer/src/mint/validate-mint-form'

const NOW = Date.parse('2026-11-26T12:00:30.500Z')
const DAY = 24 * 60 * 60 * 1000
const SOURCE = 'a'.repeat(64)

const valid: MintFormValues = { sourceKeyId: SOURCE, label: ' CI runner ', limit: '5', limitReset: 'monthly', expiry: 'never', customExpiresAt: '' }

describe('validateMintForm', () => {
  it('turns a valid form into the request main expects', () => {
    expect(validateMintForm(valid, NOW)).toEqual({
      ok: true,
      request: { sourceKeyId: SOURCE, label: 'CI runner', limit: 5, limitReset: 'monthly', expiresAt: null },
    })
    const noReset = validateMintForm({ ...valid, limitReset: '', limit: '12.50' }, NOW)
    expect(noReset.ok && noReset.request).toMatchObject({ limit: 12.5, limitReset: null })
  })

  it('requires a positive limit', () => {
    for (const limit of ['', '0', '-1', 'abc']) {
      const result = validateMintForm({ ...valid, limit }, NOW)
      expect(result.ok).toBe(false)
      expect(!result.ok && result.errors.limit).toBeTruthy()
    }
    const zero = validateMintForm({ ...valid, limit: '0' }, NOW)
    expect(!zero.ok && zero.errors.limit).toBe('The credit limit must be more than $0.')
  })

  it('requires a label of 1 to 100 characters', () => {
    const empty = validateMintForm({ ...valid, label: '   ' }, NOW)
    expect(!empty.ok && empty.errors.label).toMatch(/label/)
    const long = validateMintForm({ ...valid, label: 'x'.repeat(101) }, NOW)
    expect(!long.ok && long.errors.label).toBe('The label can have at most 100 characters (it has 101).')
    expect(validateMintForm({ ...valid, label: 'x'.repeat(100) }, NOW).ok).toBe(true)
  })

  it('requires a source key', () => {
    const result = validateMintForm({ ...valid, sourceKeyId: '' }, NOW)
    expect(!result.ok && result.errors.sourceKeyId).toBeTruthy()
  })

  it('computes preset expiries from now, in ISO 8601 with whole seconds', () => {
    const result = validateMintForm({ ...valid, expiry: '30' }, NOW)
    expect(result.ok && result.request.expiresAt).toBe('2026-12-26T12:00:30Z')
  })

  it('accepts a custom expiry only in the future', () => {
    const future = toLocalDateTimeValue(NOW + 2 * DAY)
    const ok = validateMintForm({ ...valid, expiry: 'custom', customExpiresAt: future }, NOW)
    expect(ok.ok && ok.request.expiresAt).toBe(toIsoSeconds(parseLocalDateTime(future)))
    expect(ok.ok && ok.request.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/)

    const past = validateMintForm({ ...valid, expiry: 'custom', customExpiresAt: toLocalDateTimeValue(NOW - DAY) }, NOW)
    expect(!past.ok && past.errors.expiresAt).toBe('The expiry must be in the future.')
    const missing = validateMintForm({ ...valid, expiry: 'custom', customExpiresAt: '' }, NOW)
    expect(!missing.ok && missing.errors.expiresAt).toBe('Choose when the key expires.')
  })

  it('reports every bad field at once', () => {
    const result = validateMintForm({ sourceKeyId: '', label: '', limit: '0', limitReset: '', expiry: 'custom', customExpiresAt: 'garbage' }, NOW)
    expect(result.ok).toBe(false)
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['expiresAt', 'label', 'limit', 'sourceKeyId'])
  })
})

describe('parseLocalDateTime', () => {
  it('reads datetime-local values as local time and rejects impossible dates', () => {
    expect(parseLocalDateTime('2026-12-12T09:30')).toBe(new Date(2026, 11, 12, 9, 30).getTime())
    expect(parseLocalDateTime('2026-02-31T09:30')).toBeNaN()
    expect(parseLocalDateTime('tomorrow')).toBeNaN()
  })
})
