// A local OpenRouter-compatible server (the double): the consent page at /auth and the API under /api/v1,
// following ../shared/openrouter/openapi-oauth.yaml and what @openrouter/sdk 1.3.19 requires.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { z } from 'zod'
import { isAllowedCallbackUrl, withQuery } from './callback-url'
import { renderConsentError, renderConsentPage } from './consent-page'
import { FailurePlan, playFailure } from './failures'
import { keyData } from './key-data'
import { sendError, sendHtml, sendJson } from './responses'
import { CODE_LIFETIME_MS, DoubleState, verifierMatches } from './state'
import type { ConsentMode, DoubleKeyState, OpenRouterDouble, RecordedRequest, Route } from './types'

const exchangeBody = z.object({
  code: z.string().min(1),
  code_verifier: z.string().optional(),
  code_challenge_method: z.enum(['S256', 'plain']).nullable().optional(),
})

// expires_at must carry seconds (the SDK docs: minute precision is rejected), with Z or an offset.
const SECONDS_PRECISION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const createCodeBody = z.object({
  callback_url: z.string(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.enum(['S256', 'plain']).optional(),
  limit: z.number().positive().optional(),
  usage_limit_type: z.enum(['daily', 'weekly', 'monthly']).optional(),
  expires_at: z.string().nullable().optional(),
  key_label: z.string().optional(),
  workspace_id: z.uuid().optional(),
})

async function readBody(req: IncomingMessage): Promise<string> {
  let body = ''
  req.setEncoding('utf8')
  for await (const chunk of req) body += chunk as string
  return body
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

export async function startOpenRouterDouble(options: { port?: number; latencyMs?: number; now?: () => number } = {}): Promise<OpenRouterDouble> {
  const now = options.now ?? (() => Date.now())
  const state = new DoubleState(now)
  const failures = new FailurePlan()
  const hanging = new Set<ServerResponse>()
  const requests: RecordedRequest[] = []
  let latencyMs = options.latencyMs ?? 0
  let consentMode: ConsentMode = 'page'
  let invalidCodeStatus: 400 | 403 = 403
  const appIds = new Map<string, number>()

  const delay = () => (latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve())

  /** Applies latency and any injected failure; true when the failure answered the request. */
  const intercept = async (route: Route, res: ServerResponse): Promise<boolean> => {
    await delay()
    const failure = failures.take(route)
    if (!failure) return false
    playFailure(failure, res, hanging)
    return true
  }

  const decide = (res: ServerResponse, params: URLSearchParams, approve: boolean, status: 302 | 303) => {
    const callbackUrl = params.get('callback_url') ?? ''
    if (!isAllowedCallbackUrl(callbackUrl)) {
      return sendHtml(res, 400, renderConsentError('callback_url must be https, or http on localhost or 127.0.0.1.'))
    }
    if (!approve) {
      // How the real service reports a denial is UNCONFIRMED; this follows the OAuth convention.
      res.writeHead(status, { Location: withQuery(callbackUrl, 'error', 'access_denied') }).end()
      return
    }
    const method = params.get('code_challenge_method')
    const challenge = params.get('code_challenge')
    const limit = Number(params.get('limit'))
    const code = state.issueCode(
      challenge || null,
      challenge ? (method === 'plain' ? 'plain' : 'S256') : null,
      Number.isFinite(limit) && limit > 0 ? { limit } : {},
    )
    res.writeHead(status, { Location: withQuery(callbackUrl, 'code', code) }).end()
  }

  const handleConsent = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method === 'GET' && url.pathname === '/auth') {
      const params = url.searchParams
      const callbackUrl = params.get('callback_url') ?? ''
      if (!isAllowedCallbackUrl(callbackUrl)) {
        return sendHtml(res, 400, renderConsentError('callback_url must be https, or http on localhost or 127.0.0.1.'))
      }
      if (consentMode !== 'page') return decide(res, params, consentMode === 'auto-approve', 302)
      return sendHtml(
        res,
        200,
        renderConsentPage({
          callbackUrl,
          codeChallenge: params.get('code_challenge') ?? '',
          codeChallengeMethod: params.get('code_challenge_method') ?? '',
          limit: params.get('limit') ?? '',
        }),
      )
    }
    if (req.method === 'POST' && url.pathname === '/auth/decision') {
      const form = new URLSearchParams(await readBody(req))
      return decide(res, form, form.get('decision') === 'approve', 303)
    }
    return sendHtml(res, 404, renderConsentError('Not found'))
  }

  const handleExchange = async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    if (await intercept('exchange', res)) return
    const parsed = exchangeBody.safeParse(body)
    if (!parsed.success) return sendError(res, 400, 'Invalid request body')
    const code = state.codes.get(parsed.data.code)
    if (!code || code.used) return sendError(res, invalidCodeStatus, 'Invalid code or code_verifier')
    if (now() - code.issuedAt > CODE_LIFETIME_MS) return sendError(res, 403, 'Authorization code expired')
    const method = parsed.data.code_challenge_method ?? null
    if (code.method !== null && method !== null && method !== code.method) return sendError(res, 400, 'Invalid code_challenge_method')
    if (!verifierMatches(code, parsed.data.code_verifier)) return sendError(res, invalidCodeStatus, 'Invalid code or code_verifier')
    code.used = true
    const secret = state.createKey(code.key)
    sendJson(res, 200, { key: secret, user_id: state.keys.get(secret)!.userId })
  }

  const handleCreateCode = async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    if (await intercept('create-code', res)) return
    const bearer = state.keyFromBearer(req.headers.authorization)
    if (!bearer.ok) return sendError(res, 401, bearer.message)
    const parsed = createCodeBody.safeParse(body)
    if (!parsed.success) return sendError(res, 400, `Invalid request: ${parsed.error.issues[0]?.path.join('.') ?? 'body'}`)
    const request = parsed.data
    if (!isAllowedCallbackUrl(request.callback_url)) {
      return sendError(res, 400, 'callback_url must be https, or http on localhost or 127.0.0.1')
    }
    if (request.key_label !== undefined && request.key_label.length > 100) return sendError(res, 400, 'key_label must be at most 100 characters')
    let expiresAt: string | null = null
    if (request.expires_at) {
      if (!SECONDS_PRECISION.test(request.expires_at)) return sendError(res, 400, 'expires_at must include seconds (YYYY-MM-DDTHH:MM:SSZ)')
      const expiry = Date.parse(request.expires_at)
      if (Number.isNaN(expiry) || expiry <= now()) return sendError(res, 400, 'expires_at must be in the future')
      expiresAt = new Date(expiry).toISOString().replace('.000Z', 'Z')
    }
    const key: Partial<DoubleKeyState> = {
      userId: bearer.state.userId,
      expiresAt,
      ...(request.limit === undefined ? {} : { limit: request.limit }),
      ...(request.usage_limit_type === undefined ? {} : { limitReset: request.usage_limit_type }),
      ...(request.key_label === undefined ? {} : { label: request.key_label }),
    }
    const id = state.issueCode(request.code_challenge ?? null, request.code_challenge ? (request.code_challenge_method ?? 'S256') : null, key)
    const appId = appIds.get(request.callback_url) ?? appIds.size + 1001
    appIds.set(request.callback_url, appId)
    sendJson(res, 200, { data: { id, app_id: appId, created_at: new Date(now()).toISOString() } })
  }

  const handleKey = async (req: IncomingMessage, res: ServerResponse) => {
    if (await intercept('key', res)) return
    const bearer = state.keyFromBearer(req.headers.authorization)
    if (!bearer.ok) return sendError(res, 401, bearer.message)
    sendJson(res, 200, { data: keyData(bearer.state) })
  }

  const handleCredits = async (req: IncomingMessage, res: ServerResponse) => {
    await delay()
    const bearer = state.keyFromBearer(req.headers.authorization)
    if (!bearer.ok) return sendError(res, 401, bearer.message)
    sendError(res, 403, 'Only management keys can perform this operation')
  }

  const API_ROUTES: Record<string, { method: string; handle: (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<void> }> = {
    '/api/v1/auth/keys': { method: 'POST', handle: handleExchange },
    '/api/v1/auth/keys/code': { method: 'POST', handle: handleCreateCode },
    '/api/v1/key': { method: 'GET', handle: handleKey },
    '/api/v1/credits': { method: 'GET', handle: handleCredits },
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://double.invalid')
      if (!url.pathname.startsWith('/api/')) return handleConsent(req, res, url)
      const text = await readBody(req)
      const body = parseJson(text)
      requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization ?? null, body, at: Date.now() })
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'authorization, content-type, http-referer, x-openrouter-title, x-openrouter-categories',
        })
        return res.end()
      }
      const route = API_ROUTES[url.pathname]
      if (!route) return sendError(res, 404, 'Not Found')
      if (req.method !== route.method) return sendError(res, 405, 'Method Not Allowed')
      if (route.method === 'POST' && text && body === undefined) return sendError(res, 400, 'Invalid JSON body')
      return route.handle(req, res, body)
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, 'Internal Server Error')
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('the double has no address')
  const origin = `http://127.0.0.1:${address.port}`

  const keyOf = (secret: string) => {
    const found = state.keys.get(secret)
    if (!found) throw new Error('the double does not know that key')
    return found
  }

  return {
    origin,
    apiBaseUrl: `${origin}/api/v1`,
    requests,
    keys: () => [...state.keys.entries()].map(([secret, key]) => ({ secret, ...key })),
    issuedCodes: () => [...state.codes.keys()],
    createKey: (init) => state.createKey(init),
    updateKey: (secret, patch) => Object.assign(keyOf(secret), patch),
    revokeKey: (secret) => {
      keyOf(secret).disabled = true
    },
    setLatency: (ms) => {
      latencyMs = ms
    },
    failNext: (route, failure, times = 1) => failures.failNext(route, failure, times),
    setFailure: (route, failure) => failures.setFailure(route, failure),
    setConsentMode: (mode) => {
      consentMode = mode
    },
    setInvalidCodeStatus: (status) => {
      invalidCodeStatus = status
    },
    issueCode: ({ codeChallenge, codeChallengeMethod, key }) =>
      state.issueCode(codeChallenge ?? null, codeChallenge ? (codeChallengeMethod ?? 'S256') : null, key ?? {}),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy()
        hanging.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
