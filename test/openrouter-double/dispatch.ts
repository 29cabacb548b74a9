// The request pipeline: record, delay, route (404/405/CORS preflight), inject failures, then the handler.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DoubleContext, IncomingRequest } from './context'
import type { Delays } from './delays'
import { playFailure, type FailurePlan } from './failures'
import { BodyTooLargeError, parseForm, parseJson, readBody } from './request-body'
import { sendError, sendPreflight } from './responses'
import { allowedMethods, API_PREFIX, findRoute, type RouteEntry } from './routes/table'
import type { RecordedRequest } from './types'

export interface Pipeline {
  readonly context: DoubleContext
  readonly failures: FailurePlan
  readonly delays: Delays
  readonly requests: RecordedRequest[]
  /** Keeps a response open for a 'hang' failure until close(). */
  readonly hold: (res: ServerResponse) => void
}

function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
}

function recordedBody(route: RouteEntry | undefined, path: string, method: string, text: string): unknown {
  if (method === 'POST' && route && !route.api) return Object.fromEntries(parseForm(text))
  if (isApiPath(path)) {
    const parsed = parseJson(text)
    return parsed.ok ? parsed.value : parsed.raw
  }
  return text === '' ? undefined : text
}

async function dispatch(req: IncomingMessage, res: ServerResponse, pipeline: Pipeline): Promise<void> {
  const { context, failures, delays, requests } = pipeline
  // Wall-clock time, not the injectable clock: callers measure real latency and concurrency with it.
  const at = Date.now()
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  const match = findRoute(path)
  const route = match?.entry
  const operation = route?.operations.get(method)
  const text = await readBody(req)
  requests.push({ method, path, authorization: req.headers.authorization ?? null, body: recordedBody(route, path, method, text), at })

  // Taken on arrival, so "the next N requests" means arrival order even when latency changes meanwhile.
  // Only a request the route would serve consumes a failure: a CORS preflight must not.
  const failure = operation?.failureRoute ? failures.take(operation.failureRoute) : null
  if (isApiPath(path)) await delays.wait(context.settings.latencyMs)

  if (!match || !route) return sendError(res, 404, 'Not Found')
  if (method === 'OPTIONS' && route.api) return sendPreflight(res, `${allowedMethods(route)}, OPTIONS`, req.headers['access-control-request-headers'])
  if (!operation) return sendError(res, 405, 'Method Not Allowed', { Allow: allowedMethods(route) })
  if (failure && operation.failureRoute) return playFailure(operation.failureRoute, failure, res, pipeline.hold)

  let body: unknown = undefined
  if (route.api) {
    const parsed = parseJson(text)
    if (!parsed.ok) return sendError(res, 400, 'Invalid JSON in request body')
    body = parsed.value
  }
  const request: IncomingRequest = { method, url, headers: req.headers, body, text, params: match.params }
  operation.handle(request, res, context)
}

export function createDispatcher(pipeline: Pipeline): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    dispatch(req, res, pipeline).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return
      if (error instanceof BodyTooLargeError) sendError(res, 413, 'Request body too large')
      else sendError(res, 500, 'Internal Server Error')
    })
  }
}
