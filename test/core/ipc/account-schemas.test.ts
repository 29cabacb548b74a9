// The account channels' arguments are bounded and checked in main before any service sees them.
import { describe, expect, it } from 'vitest'
import { LIMIT_CEILING_USD } from '../../../preload/contract'
import { invokeArgSchemas } from '../../../main/core/ipc/ipc-schemas'

const hash = { hash: 'a'.repeat(64) }
const create = { name: 'CI', limit: 5, limitReset: 'monthly', expiresAt: null, includeByokInLimit: false, workspaceId: null }
const ok = (channel: keyof typeof invokeArgSchemas, args: unknown[]) => invokeArgSchemas[channel].safeParse(args).success

describe('account argument schemas', () => {
  it('edit: a name of 1–100 characters once cleaned, a limit above $0 up to the ceiling, known fields only, something to change', () => {
    expect(ok('account:edit', [hash, { name: 'Renamed', limit: LIMIT_CEILING_USD, limitReset: null, includeByokInLimit: true }])).toBe(true)
    expect(ok('account:edit', [{ keyId: 'b'.repeat(64) }, { limit: null }])).toBe(true)
    for (const edit of [{ name: '' }, { name: '\u202e\u0007  ' }, { name: 'x'.repeat(101) }, { limit: 0 }, { limit: -5 }, { limit: LIMIT_CEILING_USD + 1 }, { limit: Number.NaN }, { expiresAt: '2099-01-01T00:00:00Z' }, {}]) {
      expect(ok('account:edit', [hash, edit]), JSON.stringify(edit)).toBe(false)
    }
  })

  it('create: the expiry must be a future ISO time; refs must be a hash or a key id', () => {
    expect(ok('account:create', [{ ...create, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }])).toBe(true)
    expect(ok('account:create', [{ ...create, expiresAt: new Date(Date.now() - 1000).toISOString() }])).toBe(false)
    expect(ok('account:create', [{ ...create, expiresAt: 'tomorrow' }])).toBe(false)
    expect(ok('account:create', [{ ...create, extra: 1 }])).toBe(false)
    expect(ok('account:revoke', [{ hash: '../keys' }])).toBe(false)
    expect(ok('account:revoke', [{ keyId: 'not-an-id' }])).toBe(false)
    expect(ok('account:revoke', [{ hash: 'a'.repeat(64), keyId: 'a'.repeat(64) }])).toBe(false)
    expect(ok('account:spend', [Array.from({ length: 201 }, () => hash)])).toBe(false)
  })

  it('mint may name no source key (the management key signs)', () => {
    expect(ok('keys:mint', [{ sourceKeyId: null, label: 'x', limit: 1, limitReset: null, expiresAt: null }])).toBe(true)
  })
})
