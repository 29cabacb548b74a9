import { describe, expect, it } from 'vitest'
import { decideOpenUrl, decideSecondInstance } from '../../main/core/single-instance'

describe('single instance arbitration', () => {
  it('a plain second launch only brings the window forward', () => {
    expect(decideSecondInstance(['/usr/bin/app'])).toEqual({ focus: true, action: null, rejected: null })
  })

  it('a second launch with a valid link runs its action', () => {
    expect(decideSecondInstance(['/usr/bin/app', 'openrouter-key-manager://connect?limit=3'])).toEqual({
      focus: true,
      action: { kind: 'connect', limit: 3 },
      rejected: null,
    })
  })

  it('a bad link still focuses, runs nothing, and says why', () => {
    const decision = decideOpenUrl('openrouter-key-manager://steal')
    expect(decision.action).toBeNull()
    expect(decision.focus).toBe(true)
    expect(decision.rejected).toMatch(/Unknown link/)
  })
})
