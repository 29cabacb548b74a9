// The connect flow as main reports it: `connect:changed` events, plus the state each call answers with
// (applied only when no event arrived while the call ran, since events are always the newer word).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ConnectOptions, ConnectState, CopyReceipt, Result } from '../../../preload/contract'
import type { OrkmApi } from '../api'

export interface ConnectActions {
  start(options: ConnectOptions): Promise<Result<ConnectState>>
  cancel(): Promise<Result<ConnectState>>
  openAgain(): Promise<Result<null>>
  copyLink(): Promise<Result<null>>
  submitRedirect(text: string): Promise<Result<ConnectState>>
  retrySave(): Promise<Result<ConnectState>>
  copyUnsavedKey(): Promise<Result<CopyReceipt>>
  dismiss(): Promise<Result<ConnectState>>
}

export function useConnectFlow(api: OrkmApi): { state: ConnectState; actions: ConnectActions } {
  const [state, setState] = useState<ConnectState>({ phase: 'idle' })
  const eventCount = useRef(0)

  const stateCall = useCallback(async (call: () => Promise<Result<ConnectState>>): Promise<Result<ConnectState>> => {
    const startedAt = eventCount.current
    const result = await call()
    if (result.ok && eventCount.current === startedAt) setState(result.value)
    return result
  }, [])

  useEffect(() => {
    const unsubscribe = api.onConnectChanged((next) => {
      eventCount.current += 1
      setState(next)
    })
    // A flow may already be running (the window was reloaded): show it.
    void stateCall(() => api.getConnectState())
    return unsubscribe
  }, [api, stateCall])

  const actions = useMemo<ConnectActions>(
    () => ({
      start: (options) => stateCall(() => api.startConnect(options)),
      cancel: () => stateCall(() => api.cancelConnect()),
      openAgain: () => api.openAuthPageAgain(),
      copyLink: () => api.copyAuthLink(),
      submitRedirect: (text) => stateCall(() => api.submitRedirect(text)),
      retrySave: () => stateCall(() => api.retrySave()),
      copyUnsavedKey: () => api.copyUnsavedKey(),
      dismiss: () => stateCall(() => api.dismissConnect()),
    }),
    [api, stateCall],
  )

  return { state, actions }
}
