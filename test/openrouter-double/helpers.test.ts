// The double's small pure helpers, checked over many inputs: callback rules, query appending, timestamps.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appendQueryParam, isAllowedCallbackUrl } from './callback-url'
import { escapeHtml } from './consent-page'
import { verifierMatches, s256 } from './pkce'
import { parseSecondsTimestamp, toIsoZ } from './timestamps'

describe('appendQueryParam', () => {
  it('adds exactly one parameter, last in the query, before the fragment, leaving the rest untouched', () => {
    const segment = fc.stringMatching(/^[a-z0-9]{1,8}$/)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(segment, segment), { maxLength: 3 }),
        fc.option(segment, { nil: undefined }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        (pairs, fragment, value) => {
          const query = pairs.map(([name, v]) => `${name}=${v}`).join('&')
          const base = `http://localhost:3000/cb${query ? `?${query}` : ''}`
          const url = `${base}${fragment === undefined ? '' : `#${fragment}`}`
          const result = appendQueryParam(url, 'code', value)
          const parsed = new URL(result)
          expect(parsed.searchParams.getAll('code').at(-1)).toBe(value)
          expect([...parsed.searchParams.keys()].length).toBe(pairs.length + 1)
          expect(result.startsWith(base)).toBe(true)
          expect(parsed.hash).toBe(fragment === undefined ? '' : `#${fragment}`)
        },
      ),
    )
  })

  it('does not double a trailing ? or &', () => {
    expect(appendQueryParam('https://a.example/cb?', 'code', 'x')).toBe('https://a.example/cb?code=x')
    expect(appendQueryParam('https://a.example/cb?a=1&', 'code', 'x')).toBe('https://a.example/cb?a=1&code=x')
  })
})

describe('isAllowedCallbackUrl', () => {
  it('allows https on any host and http only on loopback hosts', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (domain, port) => {
        expect(isAllowedCallbackUrl(`https://${domain}:${port}/cb`)).toBe(true)
        const loopback = ['localhost', '127.0.0.1'].includes(domain)
        expect(isAllowedCallbackUrl(`http://${domain}:${port}/cb`)).toBe(loopback)
      }),
    )
    expect(isAllowedCallbackUrl('http://LOCALHOST:9/cb')).toBe(true)
    expect(isAllowedCallbackUrl('http://127.0.0.2/cb')).toBe(false)
    expect(isAllowedCallbackUrl('http://localhost.evil.example/cb')).toBe(false)
    expect(isAllowedCallbackUrl('https://a.example/\tcb')).toBe(false)
  })
})

describe('escapeHtml', () => {
  it('leaves no character that could open a tag or close an attribute', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/)
        const decoded = escapeHtml(text).replace(/&(lt|gt|quot|#39|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!)
        expect(decoded).toBe(text)
      }),
    )
  })
})

describe('pkce', () => {
  it('S256 matches only its own verifier; plain only the identical string', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (verifier, other) => {
        expect(verifierMatches(s256(verifier), 'S256', verifier)).toBe(true)
        expect(verifierMatches(verifier, 'plain', verifier)).toBe(true)
        expect(verifierMatches(s256(verifier), 'S256', other)).toBe(verifier === other)
        expect(verifierMatches(verifier, 'plain', other)).toBe(verifier === other)
      }),
    )
  })
})

describe('parseSecondsTimestamp', () => {
  it('round-trips any instant written by Date.toISOString, with or without milliseconds', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const parsed = parseSecondsTimestamp(date.toISOString())
        expect(parsed).toEqual({ ok: true, epochMs: date.getTime() })
        expect(parseSecondsTimestamp(toIsoZ(Math.floor(date.getTime() / 1000) * 1000))).toEqual({ ok: true, epochMs: Math.floor(date.getTime() / 1000) * 1000 })
      }),
    )
  })

  it('applies offsets and rejects what is not a real instant with seconds', () => {
    expect(parseSecondsTimestamp('2027-01-01T01:30:00+01:30')).toEqual({ ok: true, epochMs: Date.parse('2027-01-01T00:00:00Z') })
    expect(parseSecondsTimestamp('2024-02-29T00:00:00Z').ok).toBe(true) // leap day
    for (const bad of ['2025-02-29T00:00:00Z', '2027-01-01T00:00Z', '2027-01-01T00:00:60Z', '2027-01-01T00:00:00+24:00', '2027-01-01T00:00:00', '2027-1-01T00:00:00Z']) {
      expect(parseSecondsTimestamp(bad).ok, bad).toBe(false)
    }
  })
})
