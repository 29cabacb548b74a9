// Every route the double serves: per path, the methods it answers, each with its fault-injection name.
import type { Handler } from '../context'
import { DECISION_PATH } from '../consent-page'
import type { Route } from '../types'
import { handleActivity } from './activity'
import { handleConsentDecision, handleConsentPage } from './consent'
import { handleCreateCode } from './create-code'
import { handleCredits } from './credits'
import { handleExchange } from './exchange'
import { handleKey } from './key'
import { handleDeleteKey, handleGetKey, handleUpdateKey } from './key-by-hash'
import { handleCreateKey, handleListKeys } from './keys'
import { handleWorkspaces } from './workspaces'

export interface Operation {
  readonly handle: Handler
  /** Set for the operations failNext/setFailure/setRateLimit can break. */
  readonly failureRoute: Route | null
}

export interface RouteEntry {
  /** API routes answer JSON, take CORS preflights and get latency; the consent pages do neither. */
  readonly api: boolean
  readonly operations: ReadonlyMap<string, Operation>
}

export const API_PREFIX = '/api/v1'

function api(operations: Record<string, Operation>): RouteEntry {
  return { api: true, operations: new Map(Object.entries(operations)) }
}

const STATIC_ROUTES: ReadonlyMap<string, RouteEntry> = new Map<string, RouteEntry>([
  ['/auth', { api: false, operations: new Map([['GET', { handle: handleConsentPage, failureRoute: null }]]) }],
  [DECISION_PATH, { api: false, operations: new Map([['POST', { handle: handleConsentDecision, failureRoute: null }]]) }],
  [`${API_PREFIX}/auth/keys`, api({ POST: { handle: handleExchange, failureRoute: 'exchange' } })],
  [`${API_PREFIX}/auth/keys/code`, api({ POST: { handle: handleCreateCode, failureRoute: 'create-code' } })],
  [`${API_PREFIX}/key`, api({ GET: { handle: handleKey, failureRoute: 'key' } })],
  [`${API_PREFIX}/credits`, api({ GET: { handle: handleCredits, failureRoute: 'credits' } })],
  [`${API_PREFIX}/workspaces`, api({ GET: { handle: handleWorkspaces, failureRoute: 'workspaces' } })],
  [
    `${API_PREFIX}/keys`,
    api({ GET: { handle: handleListKeys, failureRoute: 'keys-list' }, POST: { handle: handleCreateKey, failureRoute: 'keys-create' } }),
  ],
  [`${API_PREFIX}/activity`, api({ GET: { handle: handleActivity, failureRoute: 'activity' } })],
])

const KEY_BY_HASH = api({
  GET: { handle: handleGetKey, failureRoute: 'keys-get' },
  PATCH: { handle: handleUpdateKey, failureRoute: 'keys-update' },
  DELETE: { handle: handleDeleteKey, failureRoute: 'keys-delete' },
})
const KEY_BY_HASH_PATH = new RegExp(`^${API_PREFIX}/keys/([^/]+)$`)

export interface RouteMatch {
  readonly entry: RouteEntry
  readonly params: Readonly<Record<string, string>>
}

export function findRoute(path: string): RouteMatch | undefined {
  const entry = STATIC_ROUTES.get(path)
  if (entry) return { entry, params: {} }
  const byHash = KEY_BY_HASH_PATH.exec(path)
  if (byHash) return { entry: KEY_BY_HASH, params: { hash: decodeURIComponent(byHash[1]!) } }
  return undefined
}

/** The Allow header of a route: its methods in a fixed order. */
export function allowedMethods(entry: RouteEntry): string {
  return [...entry.operations.keys()].join(', ')
}
