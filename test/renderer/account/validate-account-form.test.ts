import { describe, expect, it } from 'vitest'
import { nameError, parseLimit, validateCreateForm, validateEditForm } from '../../../renderer/src/account/validate-account-form'
import { makeAccountKey } from '../fake-account'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const base = { name: 'CI', limit: '5', limitReset: '' as const, expiry: 'never' as const, customExpiresAt: '', includeByokInLimit: false, workspaceId: null }

describe('account forms', () => {
  it('bounds the name: not empty, at most 100 characters, no control or direction characters', () => {
    expect(nameError('  ')).toMatch(/Give the key a name/)
    expect(nameError('x'.repeat(101))).toMatch(/at most 100 characters/)
    expect(nameError('evil\u202Etxt.exe')).toMatch(/control or text-direction/)
    expect(nameError('tab\there')).toMatch(/control or text-direction/)
    expect(nameError('Café laptop')).toBeNull()
  })

  it('bounds the limit: empty is no limit, otherwise above $0 and at most $1,000,000', () => {
    expect(parseLimit('')).toEqual({ ok: true, limit: null })
    expect(parseLimit('0')).toMatchObject({ ok: false })
    expect(parseLimit('-3')).toMatchObject({ ok: false })
    expect(parseLimit('1000001')).toMatchObject({ ok: false })
    expect(parseLimit('abc')).toMatchObject({ ok: false })
    expect(parseLimit('12.5')).toEqual({ ok: true, limit: 12.5 })
  })

  it('requires a custom expiry in the future and sends whole seconds in UTC', () => {
    expect(validateCreateForm({ ...base, expiry: 'custom', customExpiresAt: '2020-01-01T10:00' }, NOW)).toEqual({ ok: false, errors: { expiresAt: 'The expiry must be in the future.' } })
    const made = validateCreateForm({ ...base, expiry: '7', limitReset: 'daily' }, NOW)
    expect(made).toEqual({
      ok: true,
      request: { name: 'CI', limit: 5, limitReset: 'daily', expiresAt: '2026-12-03T12:00:00Z', includeByokInLimit: false, workspaceId: null },
    })
  })

  it('has no reset period without a limit', () => {
    const made = validateCreateForm({ ...base, limit: '', limitReset: 'weekly' }, NOW)
    expect(made.ok && made.request.limitReset).toBeNull()
  })

  it('sends only the fields that changed in an edit', () => {
    const key = makeAccountKey({ name: 'CI', limit: 20, limitReset: 'monthly' })
    expect(validateEditForm(key, { name: 'CI', limit: '20', limitReset: 'monthly', includeByokInLimit: false })).toEqual({ ok: true, edit: {} })
    expect(validateEditForm(key, { name: 'CI', limit: '35', limitReset: 'monthly', includeByokInLimit: true })).toEqual({ ok: true, edit: { limit: 35, includeByokInLimit: true } })
    expect(validateEditForm(key, { name: 'CI', limit: '', limitReset: 'monthly', includeByokInLimit: false })).toEqual({ ok: true, edit: { limit: null, limitReset: null } })
    expect(validateEditForm(key, { name: '', limit: '0', limitReset: '', includeByokInLimit: false })).toMatchObject({ ok: false })
  })
})
