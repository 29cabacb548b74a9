// Keeps the figures fresh: one refresh once the list is on screen, then every few minutes while the window
// is visible (and at once when it becomes visible again after a longer absence). Main does the backoff.
import { useEffect, useRef } from 'react'

export const AUTO_REFRESH_MS = 5 * 60 * 1000

/**
 * The start-up refresh waits for the first idle moment after the list is shown, at most this long: the person sees
 * their keys (last known figures) before the app asks the keychain and OpenRouter about every one of them.
 */
export const FIRST_REFRESH_LATEST_MS = 1000

export function useAutoRefresh(refresh: () => unknown, enabled: boolean, intervalMs: number = AUTO_REFRESH_MS): void {
  const latest = useRef(refresh)
  useEffect(() => {
    latest.current = refresh
  }, [refresh])

  useEffect(() => {
    if (!enabled) return
    let lastRun = Date.now()
    const run = () => {
      lastRun = Date.now()
      latest.current()
    }
    const first = whenIdle(run, FIRST_REFRESH_LATEST_MS)
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') run()
    }, intervalMs)
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastRun >= intervalMs) run()
    }
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      first.cancel()
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [enabled, intervalMs])
}

/** Runs `task` when the browser is next idle, or after `latestMs` at the latest (where there is no idle callback, soon). */
function whenIdle(task: () => void, latestMs: number): { cancel(): void } {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: latestMs })
    return { cancel: () => window.cancelIdleCallback(handle) }
  }
  const handle = window.setTimeout(task, 0)
  return { cancel: () => window.clearTimeout(handle) }
}
