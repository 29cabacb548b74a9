import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FIRST_REFRESH_LATEST_MS, useAutoRefresh } from '../../../renderer/src/hooks/useAutoRefresh'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function Refresher({ refresh }: { refresh: () => void }) {
  useAutoRefresh(refresh, true, 60_000)
  return null
}

describe('useAutoRefresh', () => {
  it('waits for the first idle moment (or the latest time) before the start-up refresh, and never runs it after unmounting', () => {
    const idle: Array<{ task: () => void; timeout: number | undefined }> = []
    const cancelled: number[] = []
    vi.stubGlobal('requestIdleCallback', (task: () => void, options?: { timeout?: number }) => idle.push({ task, timeout: options?.timeout }))
    vi.stubGlobal('cancelIdleCallback', (handle: number) => cancelled.push(handle))
    const refresh = vi.fn()
    const view = render(<Refresher refresh={refresh} />)
    // Rendered and committed, yet no refresh: the first screen comes first.
    expect(refresh).not.toHaveBeenCalled()
    expect(idle).toHaveLength(1)
    expect(idle[0]!.timeout).toBe(FIRST_REFRESH_LATEST_MS)
    idle[0]!.task()
    expect(refresh).toHaveBeenCalledTimes(1)

    const second = render(<Refresher refresh={vi.fn()} />)
    second.unmount()
    expect(cancelled).toEqual([2])
    view.unmount()
  })
})
