// Keeps the figures fresh: one refresh as soon as the list is shown, then every few minutes while the window
// is visible (and at once when it becomes visible again after a longer absence). Main does the backoff.
import { useEffect, useRef } from 'react'

export const AUTO_REFRESH_MS = 5 * 60 * 1000

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
    run()
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') run()
    }, intervalMs)
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastRun >= intervalMs) run()
    }
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [enabled, intervalMs])
}
