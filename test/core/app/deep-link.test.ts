import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APP_URL_SCHEME, findDeepLinkInArgv, parseDeepLink } from '../../../main/core/app/deep-link'
import { invokeArgSchemas } from '../../../main/core/ipc/ipc-schemas'

describe('deep links', () => {
  it('uses the scheme the installers register', () => {
    expect(APP_URL_SCHEME).toBe('openrouter-key-manager')
  })

  it.each([
    ['openrouter-key-manager://connect', { kind: 'connect', limit: null }],
    ['openrouter-key-manager://connect/', { kind: 'connect', limit: null }],
    ['openrouter-key-manager://connect?limit=5', { kind: 'connect', limit: 5 }],
    ['openrouter-key-manager://connect/?limit=12.5', { kind: 'connect', limit: 12.5 }],
    ['openrouter-key-manager://connect?limit=0.01', { kind: 'connect', limit: 0.01 }],
    ['openrouter-key-manager://connect?limit=1000000', { kind: 'connect', limit: 1_000_000 }],
    ['OPENROUTER-KEY-MANAGER://connect', { kind: 'connect', limit: null }],
    ['openrouter-key-manager://open', { kind: 'open' }],
    ['openrouter-key-manager://open/', { kind: 'open' }],
  ] as const)('understands %s', (link, action) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, action })
  })

  it.each([
    ['another scheme', 'https://openrouter.ai/connect'],
    ['the scheme without //', 'openrouter-key-manager:connect'],
    ['a look-alike scheme', 'openrouter-key-manager-evil://connect'],
    ['an unknown host', 'openrouter-key-manager://delete-all'],
    ['an empty host', 'openrouter-key-manager:///connect'],
    ['an unknown path', 'openrouter-key-manager://connect/keys'],
    ['an encoded host', 'openrouter-key-manager://%63onnect'],
    ['a negative limit', 'openrouter-key-manager://connect?limit=-1'],
    ['a zero limit', 'openrouter-key-manager://connect?limit=0'],
    ['a limit over a million', 'openrouter-key-manager://connect?limit=1000000.01'],
    ['an exponent', 'openrouter-key-manager://connect?limit=1e3'],
    ['three decimals', 'openrouter-key-manager://connect?limit=5.123'],
    ['an empty limit', 'openrouter-key-manager://connect?limit='],
    ['an encoded limit', 'openrouter-key-manager://connect?limit=5%2E5'],
    ['a repeated limit', 'openrouter-key-manager://connect?limit=5&limit=6'],
    ['an extra parameter', 'openrouter-key-manager://connect?limit=5&next=x'],
    ['an unknown parameter', 'openrouter-key-manager://connect?callback=https://evil.example'],
    ['parameters on open', 'openrouter-key-manager://open?x=1'],
    ['credentials', 'openrouter-key-manager://user:pw@connect'],
    ['a user name', 'openrouter-key-manager://user@connect'],
    ['a port', 'openrouter-key-manager://connect:8080'],
    ['a fragment', 'openrouter-key-manager://connect#x'],
    ['an empty fragment', 'openrouter-key-manager://connect#'],
    ['a newline', 'openrouter-key-manager://connect\n'],
    ['a NUL', 'openrouter-key-manager://connect\u0000'],
    ['a C1 control', 'openrouter-key-manager://connect\u0085'],
    ['a trailing space', 'openrouter-key-manager://connect '],
    ['a leading space', ' openrouter-key-manager://connect'],
    ['a bidi override', 'openrouter-key-manager://connect\u202e'],
    ['a look-alike letter', 'openrouter-key-manager://cоnnect'],
    ['an overlong link', `openrouter-key-manager://connect?limit=${'1'.repeat(3000)}`],
    ['an empty string', ''],
  ])('refuses %s', (_what, link) => {
    const result = parseDeepLink(link)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).not.toBe('')
  })

  it('says why, in words fit for the log', () => {
    expect(parseDeepLink(`openrouter-key-manager://open?${'x'.repeat(2100)}`)).toEqual({ ok: false, reason: 'The link is too long.' })
    expect(parseDeepLink('openrouter-key-manager://steal')).toEqual({ ok: false, reason: 'Unknown link.' })
    expect(parseDeepLink('openrouter-key-manager://connect?limit=0')).toEqual({ ok: false, reason: 'The credit limit is out of range.' })
  })

  it('finds the link among a second instance’s arguments, or nothing', () => {
    const link = 'openrouter-key-manager://connect?limit=3'
    expect(findDeepLinkInArgv(['C:\\App\\OpenRouter Key Manager.exe', '--allow-file-access-from-files', link])).toBe(link)
    expect(findDeepLinkInArgv(['/usr/bin/electron', '/home/me/app', link])).toBe(link) // development: exe, app folder, link
    expect(findDeepLinkInArgv(['/opt/app', 'OpenRouter-Key-Manager:open'])).toBe('OpenRouter-Key-Manager:open') // refused later, not lost
    expect(findDeepLinkInArgv(['/opt/app', '--flag', 'https://openrouter.ai'])).toBeNull()
    expect(findDeepLinkInArgv([])).toBeNull()
  })
})

describe('deep links, for any input', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 }))
  const linkLike = fc
    .tuple(
      fc.constantFrom('', 'connect', 'open', 'Connect', 'user@connect', 'connect:1'),
      fc.constantFrom('', '/', '/x', '?', '?limit=', '#'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.double().map(String), fc.integer().map(String), fc.constantFrom('5', '5.5', '0.01', '1e3')),
      fc.constantFrom('', '&limit=1', '#', '%00', ' '),
    )
    .map(([host, separator, value, tail]) => `${APP_URL_SCHEME}://${host}${separator}${value}${tail}`)

  it('never throws, and never accepts what does not start with the scheme', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, linkLike, anyText.map((tail) => `${APP_URL_SCHEME}://${tail}`)), (input) => {
        const result = parseDeepLink(input)
        if (result.ok) expect(input.toLowerCase().startsWith(`${APP_URL_SCHEME}://`)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts only limits the connect:start channel itself accepts', () => {
    fc.assert(
      fc.property(linkLike, (input) => {
        const result = parseDeepLink(input)
        if (result.ok && result.action.kind === 'connect' && result.action.limit !== null) {
          expect(invokeArgSchemas['connect:start'].safeParse([{ limit: result.action.limit }]).success).toBe(true)
          expect(Math.round(result.action.limit * 100) / 100).toBe(result.action.limit)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts every limit with at most two decimals in (0, 1 000 000]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (cents) => {
        const text = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)
        expect(parseDeepLink(`${APP_URL_SCHEME}://connect?limit=${text}`)).toEqual({ ok: true, action: { kind: 'connect', limit: cents / 100 } })
      }),
    )
  })
})
