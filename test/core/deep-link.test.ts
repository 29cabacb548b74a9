import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { APP_URL_SCHEME, findDeepLinkInArgv, parseDeepLink } from '../../main/core/deep-link'

describe('deep links', () => {
  it('understands connect, connect with a limit, and open', () => {
    expect(parseDeepLink('openrouter-key-manager://connect')).toEqual({ ok: true, action: { kind: 'connect', limit: null } })
    expect(parseDeepLink('openrouter-key-manager://connect?limit=5')).toEqual({ ok: true, action: { kind: 'connect', limit: 5 } })
    expect(parseDeepLink('openrouter-key-manager://connect/?limit=12.5')).toEqual({ ok: true, action: { kind: 'connect', limit: 12.5 } })
    expect(parseDeepLink('openrouter-key-manager://open')).toEqual({ ok: true, action: { kind: 'open' } })
  })

  it.each([
    'https://openrouter.ai/connect',
    'openrouter-key-manager://delete-all',
    'openrouter-key-manager://connect?limit=-1',
    'openrouter-key-manager://connect?limit=0',
    'openrouter-key-manager://connect?limit=1e3',
    'openrouter-key-manager://connect?limit=5&limit=6',
    'openrouter-key-manager://connect?limit=5.123',
    'openrouter-key-manager://connect?callback=https://evil.example',
    'openrouter-key-manager://user:pw@connect',
    'openrouter-key-manager://connect#x',
    'openrouter-key-manager://open?x=1',
    'openrouter-key-manager://connect\n',
    `openrouter-key-manager://connect?limit=${'1'.repeat(3000)}`,
  ])('refuses %s', (link) => {
    expect(parseDeepLink(link).ok).toBe(false)
  })

  it('finds the link among a second instance’s arguments', () => {
    expect(findDeepLinkInArgv(['/opt/app', '--flag', 'openrouter-key-manager://open'])).toBe('openrouter-key-manager://open')
    expect(findDeepLinkInArgv(['/opt/app', '--flag'])).toBeNull()
  })

  it('never throws, and never accepts what does not start with the scheme', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((tail) => `${APP_URL_SCHEME}://${tail}`)), (input) => {
        const result = parseDeepLink(input)
        if (result.ok) expect(input.toLowerCase().startsWith(`${APP_URL_SCHEME}://`)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})
