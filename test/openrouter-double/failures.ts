// Fault injection per route: one-shot (failNext) and persistent (setFailure).
import type { ServerResponse } from 'node:http'
import type { Failure, Route } from './types'
import { sendError } from './responses'

export class FailurePlan {
  private readonly queued = new Map<Route, Failure[]>()
  private readonly persistent = new Map<Route, Failure>()

  failNext(route: Route, failure: Failure, times: number): void {
    const queue = this.queued.get(route) ?? []
    for (let index = 0; index < times; index += 1) queue.push(failure)
    this.queued.set(route, queue)
  }

  setFailure(route: Route, failure: Failure | null): void {
    if (failure) this.persistent.set(route, failure)
    else this.persistent.delete(route)
  }

  take(route: Route): Failure | null {
    const queue = this.queued.get(route)
    if (queue && queue.length > 0) return queue.shift()!
    return this.persistent.get(route) ?? null
  }
}

/** Plays a failure on a response. Hanging responses are tracked so close() can end them. */
export function playFailure(failure: Failure, res: ServerResponse, hanging: Set<ServerResponse>): void {
  switch (failure.kind) {
    case 'status':
      sendError(res, failure.status, failure.message ?? defaultMessage(failure.status))
      return
    case 'hang':
      hanging.add(res)
      return
    case 'reset':
      res.socket?.destroy()
      return
    case 'malformed-json':
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data": {"label": ')
      return
    case 'non-json':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>Bad gateway</body></html>')
      return
    case 'schema-violation':
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":{"unexpected":true},"key":42}')
      return
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request'
    case 401:
      return 'No auth credentials found'
    case 403:
      return 'Forbidden'
    case 409:
      return 'Resource conflict. Please try again later.'
    default:
      return 'Internal Server Error'
  }
}
