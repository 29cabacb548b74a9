import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { KeyListView, Result } from '../../../preload/contract'
import { shareUnchanged, useKeyList } from '../../../renderer/src/hooks/useKeyList'
import { createFakeOrkm, makeFigures, makeKey } from '../fake-orkm'

afterEach(cleanup)

const list = (keys: KeyListView['keys']): KeyListView => ({ keys, settings: { lowCreditPercent: 10, sortOrder: 'manual', autoUpdate: true }, warnings: [], notices: [] })

describe('shareUnchanged', () => {
  it('keeps unchanged keys as the same objects so their cards do not re-render', () => {
    const before = list([makeKey({ label: 'A' }), makeKey({ label: 'B' })])
    const after = list([makeKey({ label: 'A' }), makeKey({ label: 'B', figures: makeFigures({ limitRemaining: 1 }) })])
    const merged = shareUnchanged(before, after)
    expect(merged.keys[0]).toBe(before.keys[0])
    expect(merged.keys[1]).toBe(after.keys[1])
    expect(merged.keys[1]).not.toBe(before.keys[1])
  })

  it('returns the previous list itself when nothing changed', () => {
    const before = list([makeKey({ label: 'A' })])
    expect(shareUnchanged(before, list([makeKey({ label: 'A' })]))).toBe(before)
  })
})

describe('useKeyList', () => {
  it('loads the list and follows keys:changed events', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'A' })] })
    const { result } = renderHook(() => useKeyList(fake.api))
    expect(result.current.load.phase).toBe('loading')
    await waitFor(() => expect(result.current.load.phase).toBe('ready'))
    await act(async () => fake.emit('keys:changed', list([makeKey({ label: 'B' })])))
    const load = result.current.load
    expect(load.phase === 'ready' && load.view.keys.map((key) => key.label)).toEqual(['B'])
  })

  it('does not let a slow answer overwrite a newer event; it reads the list again instead', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'A' }), makeKey({ label: 'B' })] })
    const { result } = renderHook(() => useKeyList(fake.api))
    await waitFor(() => expect(result.current.load.phase).toBe('ready'))
    const release = fake.hold('settings:update')
    let pending: Promise<Result<KeyListView>> = Promise.resolve({ ok: true, value: list([]) })
    act(() => {
      pending = result.current.actions.updateSettings({ sortOrder: 'label' })
    })
    // Meanwhile main announces a newer state…
    await act(async () => fake.emit('keys:changed', list([makeKey({ label: 'Newest' })])))
    const listCallsBefore = fake.callsTo('keys:list').length
    await act(async () => {
      release()
      await pending
    })
    // …so the stale answer is not shown as is: the list is read again.
    await waitFor(() => expect(fake.callsTo('keys:list').length).toBe(listCallsBefore + 1))
  })

  it('marks a key as refreshing until its refresh answers', async () => {
    const key = makeKey({ label: 'A' })
    const fake = createFakeOrkm({ keys: [key] })
    const { result } = renderHook(() => useKeyList(fake.api))
    await waitFor(() => expect(result.current.load.phase).toBe('ready'))
    const release = fake.hold('keys:refresh')
    act(() => {
      void result.current.actions.refreshKey(key.id)
    })
    expect(result.current.pendingRefresh.has(key.id)).toBe(true)
    await act(async () => release())
    await waitFor(() => expect(result.current.pendingRefresh.has(key.id)).toBe(false))
  })
})
