// One shared clock for relative times ("Checked 2 minutes ago"): components subscribe; nothing else re-renders.
import { useSyncExternalStore } from 'react'

type Listener = () => void

function createTicker(periodMs: number) {
  const listeners = new Set<Listener>()
  let timer: ReturnType<typeof setInterval> | null = null
  let now = Date.now()
  return {
    subscribe(listener: Listener) {
      listeners.add(listener)
      if (timer === null) {
        // Only a clock that sat idle for a whole period is moved on here: moving it at every subscribe would make
        // React re-render every mounted subscriber once more (500 rows mounting = 500 forced re-renders).
        if (Date.now() - now >= periodMs) now = Date.now()
        timer = setInterval(() => {
          now = Date.now()
          listeners.forEach((notify) => notify())
        }, periodMs)
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }
    },
    snapshot: () => now,
  }
}

const tickers = new Map<number, ReturnType<typeof createTicker>>()

function ticker(periodMs: number) {
  let found = tickers.get(periodMs)
  if (!found) {
    found = createTicker(periodMs)
    tickers.set(periodMs, found)
  }
  return found
}

/** The current time, updated every `periodMs` (shared by every component asking for the same period). */
export function useNow(periodMs = 30_000): number {
  const source = ticker(periodMs)
  return useSyncExternalStore(source.subscribe, source.snapshot)
}
