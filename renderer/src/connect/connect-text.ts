// The one sentence the connection panel's status line says in each phase.
import type { ConnectState } from '../../../preload/contract'

export function connectStatusText(state: ConnectState): string {
  switch (state.phase) {
    case 'idle':
      return ''
    case 'awaiting-browser':
      return 'Approve the new key on OpenRouter’s page in your browser; this window updates by itself.'
    case 'exchanging':
      return 'Exchanging the authorization code…'
    case 'saving':
      return 'Saving the key to your keychain…'
    case 'connected':
      return 'Connected. The key is saved in your keychain.'
    case 'failed':
      return state.error.message
    case 'cancelled':
      return 'Connection cancelled. Nothing was stored.'
    case 'timed-out':
      return 'Timed out waiting for the browser. Nothing was stored.'
  }
}

/** Phases in which a flow is still running (Connect then focuses the panel instead of starting another). */
export function isFlowRunning(state: ConnectState): boolean {
  return state.phase === 'awaiting-browser' || state.phase === 'exchanging' || state.phase === 'saving'
}

export function isFlowFinished(state: ConnectState): boolean {
  return state.phase === 'connected' || state.phase === 'failed' || state.phase === 'cancelled' || state.phase === 'timed-out'
}
