// Every route the double serves, with the fault-injection name of the three the app depends on.
import type { Handler } from '../context'
import { DECISION_PATH } from '../consent-page'
import type { Route } from '../types'
import { handleConsentDecision, handleConsentPage } from './consent'
import { handleCreateCode } from './create-code'
import { handleCredits } from './credits'
import { handleExchange } from './exchange'
import { handleKey } from './key'

export interface RouteEntry {
  readonly method: 'GET' | 'POST'
  readonly handle: Handler
  /** API routes answer JSON, take CORS preflights and get latency; the consent pages do neither. */
  readonly api: boolean
  /** Set for the routes failNext/setFailure can break. */
  readonly failureRoute: Route | null
}

export const API_PREFIX = '/api/v1'

export const ROUTES: ReadonlyMap<string, RouteEntry> = new Map<string, RouteEntry>([
  ['/auth', { method: 'GET', handle: handleConsentPage, api: false, failureRoute: null }],
  [DECISION_PATH, { method: 'POST', handle: handleConsentDecision, api: false, failureRoute: null }],
  [`${API_PREFIX}/auth/keys`, { method: 'POST', handle: handleExchange, api: true, failureRoute: 'exchange' }],
  [`${API_PREFIX}/auth/keys/code`, { method: 'POST', handle: handleCreateCode, api: true, failureRoute: 'create-code' }],
  [`${API_PREFIX}/key`, { method: 'GET', handle: handleKey, api: true, failureRoute: 'key' }],
  [`${API_PREFIX}/credits`, { method: 'GET', handle: handleCredits, api: true, failureRoute: null }],
])
