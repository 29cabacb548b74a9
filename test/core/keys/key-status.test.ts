import { describe, expect, it } from 'vitest'
import { deriveStatus, deriveWarnings, notificationFor } from '../../../main/core/keys/key-status'
import { DEFAULT_SETTINGS } from '../../../main/core/keys/stored-key'
import { figures, SECRET_A, SECRET_B, storedKey } from '../../support/fixtures'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number) => new Date(NOW + days * DAY).toISOString()

describe('deriveStatus', () => {
  const status = (overrides: Parameters<typeof storedKey>[1], missing = false) =>
    deriveStatus(storedKey(SECRET_A, overrides), DEFAULT_SETTINGS, NOW, missing)

  it('is active for a healthy key, and says so when there is no cap', () => {
    expect(status({})).toEqual({ kind: 'active', reason: '74% of the limit left.' })
    expect(status({ figures: figures({ limit: null, limitRemaining: null }) })).toEqual({ kind: 'active', reason: 'No credit cap.' })
  })

  it('warns 7 days ahead of expiry, not 8', () => {
    expect(status({ figures: figures({ expiresAt: inDays(3) }) })).toEqual({ kind: 'expiring-soon', reason: 'Expires in 3 days.' })
    expect(status({ figures: figures({ expiresAt: inDays(6.9) }) }).kind).toBe('expiring-soon')
    expect(status({ figures: figures({ expiresAt: inDays(8) }) }).kind).toBe('active')
  })

  it('is expired once the expiry has passed', () => {
    expect(status({ figures: figures({ expiresAt: inDays(-1) }) }).kind).toBe('expired')
  })

  it('is limit-reached at zero remaining, and names the reset period', () => {
    const result = status({ figures: figures({ limit: 5, limitRemaining: 0, limitReset: 'daily' }) })
    expect(result.kind).toBe('limit-reached')
    expect(result.reason).toContain('$5.00')
    expect(result.reason).toContain('daily')
  })

  it('is low-credit below the threshold percentage of the limit', () => {
    expect(status({ figures: figures({ limit: 100, limitRemaining: 9.99 }) }).kind).toBe('low-credit')
    expect(status({ figures: figures({ limit: 100, limitRemaining: 10 }) }).kind).toBe('active')
    expect(deriveStatus(storedKey(SECRET_A, { figures: figures({ limit: 100, limitRemaining: 20 }) }), { ...DEFAULT_SETTINGS, lowCreditPercent: 25 }, NOW).kind).toBe('low-credit')
  })

  it('puts rejection by OpenRouter and a missing keychain item above everything else', () => {
    expect(status({ lastError: { code: 'key-rejected', message: 'x' }, figures: figures({ expiresAt: inDays(-1) }) }).kind).toBe('rejected')
    expect(status({ lastError: { code: 'key-rejected', message: 'x' } }, true).kind).toBe('missing-secret')
  })

  it('is offline with last-known figures when OpenRouter could not be reached', () => {
    const result = status({ lastError: { code: 'offline', message: 'x' } })
    expect(result.kind).toBe('offline')
    expect(result.reason).toMatch(/last known/)
  })

  it('is unchecked before the first fetch', () => {
    expect(status({ figures: null, checkedAt: null }).kind).toBe('unchecked')
  })
})

describe('deriveWarnings', () => {
  it('warns once per key and condition, with ids that change when the condition changes', () => {
    const soon = storedKey(SECRET_A, { label: 'Soon', figures: figures({ expiresAt: inDays(2) }) })
    const fine = storedKey(SECRET_B, { label: 'Fine' })
    const warnings = deriveWarnings([soon, fine], DEFAULT_SETTINGS, NOW)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ keyId: soon.id, kind: 'expiring-soon' })
    expect(warnings[0]!.message).toContain('Soon')
    const renewed = deriveWarnings([{ ...soon, figures: figures({ expiresAt: inDays(5) }) }], DEFAULT_SETTINGS, NOW)
    expect(renewed[0]!.id).not.toBe(warnings[0]!.id)
  })

  it('warns about rejected, expired, limit-reached and low-credit keys', () => {
    const kinds = deriveWarnings(
      [
        storedKey(SECRET_A, { lastError: { code: 'key-rejected', message: 'x' } }),
        storedKey(`sk-or-v1-${'1'.repeat(64)}`, { figures: figures({ expiresAt: inDays(-2) }) }),
        storedKey(`sk-or-v1-${'2'.repeat(64)}`, { figures: figures({ limit: 5, limitRemaining: 0 }) }),
        storedKey(`sk-or-v1-${'3'.repeat(64)}`, { figures: figures({ limit: 100, limitRemaining: 1 }) }),
      ],
      DEFAULT_SETTINGS,
      NOW,
    ).map((warning) => warning.kind)
    expect(kinds).toEqual(['rejected', 'expired', 'limit-reached', 'low-credit'])
  })

  it('warns about a key that is missing from the keychain', () => {
    const gone = storedKey(SECRET_A, { label: 'Gone' })
    const warnings = deriveWarnings([gone, storedKey(SECRET_B, { label: 'Fine' })], DEFAULT_SETTINGS, NOW, new Set([gone.id]))
    expect(warnings).toEqual([{ id: `${gone.id}:missing-secret`, keyId: gone.id, kind: 'missing-secret', message: '“Gone” is no longer in your keychain.' }])
  })

  it('calls a 401 "revoked or disabled": without a management key the two cannot be told apart', () => {
    expect(deriveStatus(storedKey(SECRET_A, { lastError: { code: 'key-rejected', message: 'x' } }), DEFAULT_SETTINGS, NOW).reason).toMatch(/revoked or disabled/)
  })
})

describe('notificationFor', () => {
  const warning = (keyId: string, message: string) => ({ id: `${keyId}:x:${message}`, keyId, kind: 'expired' as const, message })

  it('says one new condition as it is, and nothing when there is none', () => {
    expect(notificationFor([])).toBeNull()
    expect(notificationFor([warning('a', '“A” has expired.')])).toEqual({ title: 'OpenRouter Key Manager', body: '“A” has expired.' })
  })

  it('makes one notification of several conditions, counting the keys', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'e'].map((keyId, index) => warning(keyId, `Condition ${index + 1}.`))
    expect(notificationFor(six)).toEqual({ title: '5 keys need attention', body: 'Condition 1. Condition 2. Condition 3. And 3 more.' })
  })
})
