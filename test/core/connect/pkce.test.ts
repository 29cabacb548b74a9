import { describe, expect, it } from 'vitest'
import { createCodeVerifier, createNonce, createPkcePair, s256Challenge } from '../../../main/core/connect/pkce'

describe('PKCE S256', () => {
  it('matches RFC 7636 Appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('makes 43-character base64url verifiers from 32 random bytes, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createCodeVerifier()))
    expect(verifiers.size).toBe(50)
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('pairs a verifier with its own challenge and the S256 method', () => {
    const pair = createPkcePair()
    expect(pair.method).toBe('S256')
    expect(pair.challenge).toBe(s256Challenge(pair.verifier))
    expect(pair.challenge).not.toBe(pair.verifier)
  })

  it('makes URL-safe nonces', () => {
    expect(createNonce()).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(createNonce()).not.toBe(createNonce())
  })
})
