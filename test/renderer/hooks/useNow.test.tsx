import { act, cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useNow } from '../../../renderer/src/hooks/useNow'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useNow', () => {
  it('renders each of many subscribers once when they mount, even as the wall clock moves on', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z') })
    let renders = 0
    function Clock({ index }: { index: number }) {
      const now = useNow(60_000)
      renders += 1
      // Mounting takes time in a real page: the wall clock moves between the render and each subscription.
      vi.setSystemTime(Date.now() + 5)
      return <span data-index={index}>{now}</span>
    }
    render(
      <>
        {Array.from({ length: 50 }, (_, index) => (
          <Clock key={index} index={index} />
        ))}
      </>,
    )
    expect(renders).toBe(50)
  })

  it('moves every subscriber on together at each tick of its period', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z') })
    function Clock() {
      return <span data-testid="now">{useNow(1000)}</span>
    }
    const view = render(
      <>
        <Clock />
        <Clock />
      </>,
    )
    const shown = () => view.getAllByTestId('now').map((node) => Number(node.textContent))
    const before = shown()
    act(() => void vi.advanceTimersByTime(1000))
    const after = shown()
    expect(after[0]).toBe(after[1])
    expect(after[0]! - before[0]!).toBeGreaterThanOrEqual(1000)
  })

  it('a clock that sat idle for a whole period shows the current time when a subscriber mounts again', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:00Z') })
    function Clock() {
      return <span data-testid="now">{useNow(2000)}</span>
    }
    const first = render(<Clock />)
    first.unmount()
    vi.setSystemTime(Date.parse('2026-12-01T11:00:00Z'))
    const again = render(<Clock />)
    expect(Number(again.getByTestId('now').textContent)).toBe(Date.parse('2026-12-01T11:00:00Z'))
  })
})
