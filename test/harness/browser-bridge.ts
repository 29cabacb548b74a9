// Runs in the page on the harness's browser backend, in place of the preload: the very same `createOrkmApi`,
// on a Bridge whose transport is a Playwright binding to the real main-process services.
import { createOrkmApi } from '../../preload/api'
import type { Bridge, EventChannel, EventContract, InvokeArgs, InvokeChannel, InvokeValue, Result } from '../../preload/contract'

type Listener = (payload: unknown) => void

interface HarnessWindow {
  __orkmInvoke(channel: string, args: unknown[]): Promise<string>
  __orkmEmit?: (channel: string, payload: unknown) => void
  orkm?: ReturnType<typeof createOrkmApi>
}

const harnessWindow = window as unknown as HarnessWindow
const listeners = new Map<string, Set<Listener>>()

harnessWindow.__orkmEmit = (channel, payload) => {
  listeners.get(channel)?.forEach((listener) => listener(payload))
}

const bridge: Bridge = {
  invoke: async <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>) =>
    JSON.parse(await harnessWindow.__orkmInvoke(channel, args)) as Result<InvokeValue<C>>,
  on: <E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void) => {
    const set = listeners.get(channel) ?? new Set<Listener>()
    listeners.set(channel, set)
    const wrapped: Listener = (payload) => listener(payload as EventContract[E])
    set.add(wrapped)
    return () => {
      set.delete(wrapped)
    }
  },
}

// Frozen like a contextBridge export: the page cannot swap the functions.
Object.defineProperty(window, 'orkm', { value: Object.freeze(createOrkmApi(bridge)), writable: false, configurable: false })
