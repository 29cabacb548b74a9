import { describe, expect, it, vi } from 'vitest'
import { AppFailure } from '../../../main/core/base/app-failure'
import { createDispatcher, type InvokeHandlers } from '../../../main/core/ipc/ipc-dispatcher'
import { silentLogger } from '../../../main/core/base/logger'
import { INVOKE_CHANNELS } from '../../../preload/contract'

const ID = 'a'.repeat(64)

function handlersWith(overrides: Partial<InvokeHandlers>): InvokeHandlers {
  const unexpected = () => {
    throw new Error('not expected in this test')
  }
  const all = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, unexpected])) as unknown as InvokeHandlers
  return { ...all, ...overrides }
}

describe('IPC dispatcher', () => {
  it('passes validated arguments to the handler and wraps the value in a Result', async () => {
    const rename = vi.fn(async (keyId: string, label: string) => ({ keyId, label }) as never)
    const dispatch = createDispatcher(handlersWith({ 'keys:rename': rename }), silentLogger)
    expect(await dispatch('keys:rename', [ID, 'Work'])).toEqual({ ok: true, value: { keyId: ID, label: 'Work' } })
    expect(rename).toHaveBeenCalledWith(ID, 'Work')
  })

  it('refuses unknown channels and bad arguments before any handler runs', async () => {
    const remove = vi.fn()
    const dispatch = createDispatcher(handlersWith({ 'keys:remove': remove }), silentLogger)
    const refused = [
      ['shell:open', ['https://evil.example']],
      ['keys:remove', ['../../etc/passwd']],
      ['keys:remove', [ID, 'extra']],
      ['keys:remove', []],
      ['keys:remove', [{ toString: () => ID }]],
      ['__proto__', []],
      [42, []],
    ] as const
    for (const [channel, args] of refused) {
      expect(await dispatch(channel, [...args])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(remove).not.toHaveBeenCalled()
  })

  it('refuses a mint request with extra fields or a non-positive limit', async () => {
    const mint = vi.fn()
    const dispatch = createDispatcher(handlersWith({ 'keys:mint': mint }), silentLogger)
    const base = { sourceKeyId: ID, label: 'x', limit: 5, limitReset: null, expiresAt: null }
    expect(await dispatch('keys:mint', [{ ...base, limit: 0 }])).toMatchObject({ ok: false })
    expect(await dispatch('keys:mint', [{ ...base, admin: true }])).toMatchObject({ ok: false })
    expect(await dispatch('keys:mint', [{ ...base, expiresAt: 'tomorrow' }])).toMatchObject({ ok: false })
    expect(mint).not.toHaveBeenCalled()
  })

  it('turns failures into Results: the app error as is, anything else as a generic message', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'keys:refresh': async () => {
          throw new AppFailure('key-rejected', 'OpenRouter rejected this key.', 'Remove it.')
        },
        'keys:list': () => {
          throw new Error(`internal detail sk-or-v1-${'f'.repeat(64)}`)
        },
      }),
      silentLogger,
    )
    expect(await dispatch('keys:refresh', [ID])).toEqual({
      ok: false,
      error: { code: 'key-rejected', message: 'OpenRouter rejected this key.', hint: 'Remove it.' },
    })
    const generic = await dispatch('keys:list', [])
    expect(generic).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(generic)).not.toContain('sk-or-')
  })
})
