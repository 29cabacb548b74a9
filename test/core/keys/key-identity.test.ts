import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { keyIdOf, looksLikeOpenRouterKey, maskKey } from '../../../main/core/keys/key-identity'

const SECRET = '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'

describe('key identity', () => {
  it('masks a key down to its prefix and last four characters', () => {
    expect(maskKey(SECRET)).toBe('sk-or-v1-…1c96')
    expect(maskKey(SECRET)).not.toContain('0e6f')
  })

  it('names a key by its sha256, as OpenRouter does for its key pages', () => {
    expect(keyIdOf(SECRET)).toBe(createHash('sha256').update(SECRET).digest('hex'))
  })

  it('recognises OpenRouter keys and refuses other text before any network call', () => {
    expect(looksLikeOpenRouterKey(SECRET)).toBe(true)
    expect(looksLikeOpenRouterKey('sk-ant-123')).toBe(false)
    expect(looksLikeOpenRouterKey(`${SECRET} extra`)).toBe(false)
  })
})
