// Fault injection for every API route: one-shot failures (failNext) queue ahead of a persistent one
// (setFailure), then a rate-limit share (every Nth request answers 429), and each kind reproduces a way a real
// network or server misbehaves.
import type { ServerResponse } from 'node:http'
import { sendError, sendRaw } from './responses'
import type { Failure, RateLimitPlan, Route } from './types'

export class FailurePlan {
  private readonly queued = new Map<Route, Failure[]>()
  private readonly persistent = new Map<Route, Failure>()
  private rateLimit: { plan: RateLimitPlan; seen: number } | null = null

  setRateLimit(plan: RateLimitPlan | null): void {
    if (plan && (!Number.isInteger(plan.every) || plan.every < 1)) throw new RangeError('setRateLimit: every must be a positive integer')
    this.rateLimit = plan ? { plan, seen: 0 } : null
  }

  failNext(route: Route, failure: Failure, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError('failNext: times must be a positive integer')
    const queue = this.queued.get(route) ?? []
    for (let index = 0; index < times; index += 1) queue.push(failure)
    this.queued.set(route, queue)
  }

  setFailure(route: Route, failure: Failure | null): void {
    if (failure) this.persistent.set(route, failure)
    else this.persistent.delete(route)
  }

  /** The failure for the request that just arrived, consuming a one-shot one. */
  take(route: Route): Failure | null {
    const next = this.queued.get(route)?.shift()
    return next ?? this.persistent.get(route) ?? this.takeRateLimit(route)
  }

  /** Counts requests in arrival order, so "every 3rd" is deterministic whatever the timing. */
  private takeRateLimit(route: Route): Failure | null {
    if (!this.rateLimit) return null
    const { plan } = this.rateLimit
    if (plan.routes && !plan.routes.includes(route)) return null
    this.rateLimit.seen += 1
    if (this.rateLimit.seen % plan.every !== 0) return null
    return { kind: 'rate-limited', ...(plan.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: plan.retryAfterSeconds }) }
  }
}

/** The spec's example messages, so an injected status looks like the real one unless a test names its own. */
const DEFAULT_MESSAGES: Record<Extract<Failure, { kind: 'status' }>['status'], string> = {
  400: 'Invalid request parameters',
  401: 'Missing Authentication header',
  403: 'Only management keys can perform this operation',
  404: 'Resource not found',
  409: 'Resource conflict. Please try again later.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** 200 bodies of the right overall shape that each lack the fields the SDK needs most. */
const SCHEMA_VIOLATIONS: Record<Route, unknown> = {
  exchange: { user_id: 'user_2yOPcMpKoQhcd4bVgSMlELRaIah' }, // no `key`
  'create-code': { data: { app_id: 1001 } }, // no `id`, no `created_at`
  key: { data: { label: 'sk-or-v1-abc...890', limit: null } }, // no usage, flags, rate_limit…
  credits: { data: { total_credits: 10 } }, // no total_usage
  workspaces: { data: [{ id: '0df9e665-d932-5740-b2c7-b52af166bc11' }] }, // no total_count, workspace fields
  'keys-list': { data: [{ hash: 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943', name: 'x' }] },
  // The plaintext key is present, the key object is not: the app must still keep the key.
  'keys-create': { key: `sk-or-v1-${'5'.repeat(64)}`, data: { name: 'x' } },
  'keys-get': { data: { hash: 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943' } },
  'keys-update': { data: { name: 'x' } },
  'keys-delete': { deleted: false },
  activity: { data: [{ date: '2025-08-24', usage: 1 }] },
}

/** [SPEC] TooManyRequestsResponse's example message. */
const RATE_LIMITED = 'Rate limit exceeded'

export function playFailure(route: Route, failure: Failure, res: ServerResponse, hold: (res: ServerResponse) => void): void {
  switch (failure.kind) {
    case 'status':
      sendError(res, failure.status, failure.message ?? DEFAULT_MESSAGES[failure.status])
      return
    case 'rate-limited':
      sendError(res, 429, RATE_LIMITED, { 'Retry-After': String(failure.retryAfterSeconds ?? 1) })
      return
    case 'hang':
      hold(res) // answered by nobody; close() destroys the socket
      return
    case 'reset':
      res.socket?.destroy()
      return
    case 'malformed-json':
      sendRaw(res, 200, 'application/json', '{"data": {"label": "sk-or-v1-abc...890", ')
      return
    case 'non-json':
      sendRaw(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>')
      return
    case 'schema-violation':
      // POST /keys answers 201 [SPEC]; every other route 200.
      sendRaw(res, route === 'keys-create' ? 201 : 200, 'application/json', JSON.stringify(SCHEMA_VIOLATIONS[route]))
      return
  }
}
