import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { KeyListView } from '../../../preload/contract'
import { useKeyList } from '../../../renderer/src/hooks/useKeyList'
import { requestListEarly } from '../../../renderer/src/startup/early-list'
import { createFakeOrkm, makeKey } from '../fake-orkm'

afterEach(cleanup)

const list = (labels: string[]): KeyListView => ({
  keys: labels.map((label) => makeKey({ label })),
  settings: { lowCreditPercent: 10, sortOrder: 'manual', autoUpdate: true, keyView: 'cards' },
  warnings: [],
  notices: [],
})
const shownLabels = (load: ReturnType<typeof useKeyList>['load']) => (load.phase === 'ready' ? load.view.keys.map((key) => key.label) : load.phase)

describe('the key list asked for before React starts', () => {
  it('is the first list shown, and the hook does not ask main again for it', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'Early' })] })
    const takeEarly = requestListEarly(fake.api)
    expect(fake.callsTo('keys:list')).toHaveLength(1) // sent at once, before any component exists
    const { result } = renderHook(() => useKeyList(fake.api, takeEarly))
    await waitFor(() => expect(shownLabels(result.current.load)).toEqual(['Early']))
    expect(fake.callsTo('keys:list')).toHaveLength(1)
  })

  it('loses to a keys:changed event that came while it was under way, before the hook subscribed', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'Answer' })] })
    const release = fake.hold('keys:list')
    const takeEarly = requestListEarly(fake.api)
    fake.emit('keys:changed', list(['Newer event']))
    const { result } = renderHook(() => useKeyList(fake.api, takeEarly))
    await act(async () => release())
    await waitFor(() => expect(shownLabels(result.current.load)).toEqual(['Newer event']))
  })

  it('loses to an event the hook itself received while it was under way', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'Answer' })] })
    const release = fake.hold('keys:list')
    const takeEarly = requestListEarly(fake.api)
    const { result } = renderHook(() => useKeyList(fake.api, takeEarly))
    await act(async () => fake.emit('keys:changed', list(['Event after mount'])))
    await act(async () => release())
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(shownLabels(result.current.load)).toEqual(['Event after mount'])
  })

  it('is taken once: a second mount asks main again; a failed answer shows the failure', async () => {
    const fake = createFakeOrkm({ keys: [makeKey({ label: 'A' })] })
    fake.respond('keys:list', () => ({ ok: false, error: { code: 'keychain-failed', message: 'The key list could not be read.' } }))
    const takeEarly = requestListEarly(fake.api)
    const first = renderHook(() => useKeyList(fake.api, takeEarly))
    await waitFor(() => expect(first.result.current.load.phase).toBe('failed'))
    fake.restore('keys:list')
    const second = renderHook(() => useKeyList(fake.api, takeEarly))
    await waitFor(() => expect(shownLabels(second.result.current.load)).toEqual(['A']))
    expect(fake.callsTo('keys:list')).toHaveLength(2)
  })
})
