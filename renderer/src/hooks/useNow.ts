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
      now = Date.now()
      if (timer === null) {
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
