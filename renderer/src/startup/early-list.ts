// The key list, asked for before React starts (startup/first-request.ts, which main.tsx imports first): main's
// answer (hundreds of keys) travels while React loads and mounts, instead of after.
import type { KeyListView, Result } from '../../../preload/contract'
import type { OrkmApi } from '../api'

/** What the early request learnt: main's answer and, if one came while it was under way or since, the last event. */
export interface EarlyList {
  result: Result<KeyListView>
  /** The last `keys:changed` received since the request was sent: at least as new as the answer. */
  lastEvent: KeyListView | null
}

/** Hands over the early list, once; null after that (a later load asks main again). */
export type TakeEarlyList = () => Promise<EarlyList> | null

/**
 * Asks for the list at once and listens for changes until it is taken and main has answered, so the taker
 * subscribes first and applies only what arrives after.
 */
export function requestListEarly(api: Pick<OrkmApi, 'listKeys' | 'onKeysChanged'>): TakeEarlyList {
  let lastEvent: KeyListView | null = null
  const stopListening = api.onKeysChanged((view) => {
    lastEvent = view
  })
  const answer = api.listKeys()
  let taken = false
  return () => {
    if (taken) return null
    taken = true
    return answer.finally(stopListening).then((result) => ({ result, lastEvent }))
  }
}
