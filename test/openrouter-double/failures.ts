// Fault injection for the three routes the app depends on: one-shot failures (failNext) queue ahead of a
// persistent one (setFailure), and each kind reproduces a way a real network or server misbehaves.
import type { ServerResponse } from 'node:http'
import { sendError, sendRaw } from './responses'
import type { Failure, Route } from './types'

export class FailurePlan {
  private readonly queued = new Map<Route, Failure[]>()
  private readonly persistent = new Map<Route, Failure>()

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
    return next ?? this.persistent.get(route) ?? null
  }
}

/** The spec's example messages, so an injected status looks like the real one unless a test names its own. */
const DEFAULT_MESSAGES: Record<Extract<Failure, { kind: 'status' }>['status'], string> = {
  400: 'Invalid request parameters',
  401: 'Missing Authentication header',
  403: 'Only management keys can perform this operation',
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
}

export function playFailure(route: Route, failure: Failure, res: ServerResponse, hold: (res: ServerResponse) => void): void {
  switch (failure.kind) {
    case 'status':
      sendError(res, failure.status, failure.message ?? DEFAULT_MESSAGES[failure.status])
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
      sendRaw(res, 200, 'application/json', JSON.stringify(SCHEMA_VIOLATIONS[route]))
      return
  }
}
