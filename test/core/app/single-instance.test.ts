import { describe, expect, it } from 'vitest'
import { decideOpenUrl, decideSecondInstance } from '../../../main/core/app/single-instance'

describe('single instance arbitration', () => {
  it('a plain second launch only brings the window forward', () => {
    expect(decideSecondInstance(['/usr/bin/openrouter-key-manager'])).toEqual({ focus: true, action: null, rejected: null })
    expect(decideSecondInstance(['C:\\App\\app.exe', '--some-chromium-switch'])).toEqual({ focus: true, action: null, rejected: null })
  })

  it('a second launch with a valid link (Windows, Linux) runs its action', () => {
    expect(decideSecondInstance(['/usr/bin/app', 'openrouter-key-manager://connect?limit=3'])).toEqual({
      focus: true,
      action: { kind: 'connect', limit: 3 },
      rejected: null,
    })
    expect(decideSecondInstance(['electron', '/home/me/app', 'openrouter-key-manager://open'])).toEqual({ focus: true, action: { kind: 'open' }, rejected: null })
  })

  it('a macOS open-url event runs the link’s action', () => {
    expect(decideOpenUrl('openrouter-key-manager://connect')).toEqual({ focus: true, action: { kind: 'connect', limit: null }, rejected: null })
  })

  it('a bad link still focuses, runs nothing, and says why', () => {
    expect(decideOpenUrl('openrouter-key-manager://steal')).toEqual({ focus: true, action: null, rejected: 'Unknown link.' })
    expect(decideOpenUrl('https://evil.example/')).toEqual({ focus: true, action: null, rejected: 'Not an OpenRouter Key Manager link.' })
    const fromArgv = decideSecondInstance(['/usr/bin/app', 'openrouter-key-manager://connect?limit=5&next=https://evil.example'])
    expect(fromArgv).toEqual({ focus: true, action: null, rejected: 'The credit limit is not a plain number of dollars.' })
  })
})
